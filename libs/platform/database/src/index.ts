export {
  createDataSource,
  runMigrations,
  revertLastMigration,
  pendingMigrations,
  MIGRATIONS_TABLE,
  type DataSourceOptions,
  type MigrationReport,
} from './lib/data-source';
export { MIGRATIONS } from './lib/migrations';
export { runInTenant, TenantTransaction, type TenantScope } from './lib/tenant-transaction';
export { tenantRlsSql, dropTenantRlsSql, APP_GROUP_ROLE, TENANT_SETTING } from './lib/rls.sql';
export {
  provisionDatabase,
  dropProvisionedDatabase,
  urlFor,
  type ProvisionOptions,
  type ProvisionedUrls,
} from './lib/provisioning';
export { DatabaseModule } from './lib/database.module';
export { APP_DATA_SOURCE } from './lib/tokens';
export { TenantDb } from './lib/tenant-db.service';
export { startLocalDatabase, type LocalDatabase } from './lib/local-database';
export { TenantChanges, TENANT_CHANGE_CHANNEL } from './lib/tenant-changes';
export { TenantCache } from './lib/tenant-cache';
