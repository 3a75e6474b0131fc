export {
  createTestDatabase,
  dropTestDatabase,
  findTestCluster,
  type TestDatabase,
} from './lib/test-database';
export { testDatabase, appDataSource, ownerDataSource, testConfig } from './lib/test-context';
