import type { TestProject } from 'vitest/node';
import './provided-context';
import { createTestDatabase, dropTestDatabase, findTestCluster } from './test-database';

/** Vitest global setup: one database and two roles per test run, removed afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => process.stderr.write(`[test-db] ${line}\n`);
  const cluster = await findTestCluster(log);
  const db = await createTestDatabase(cluster.adminUrl);
  log(`created ${db.database} with roles ${db.ownerRole}, ${db.appRole}`);
  project.provide('candorDb', db);
  return async () => {
    await dropTestDatabase(db);
    await cluster.embedded?.stop();
    log(`dropped ${db.database} and its roles`);
  };
}
