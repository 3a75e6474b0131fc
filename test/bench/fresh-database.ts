import { randomBytes } from 'node:crypto';
import {
  dropProvisionedDatabase,
  provisionDatabase,
  runMigrations,
} from '@candor/platform-database';

/**
 * A fresh, migrated database with its own owner and app roles on the PostgreSQL the tests use
 * (CANDOR_TEST_ADMIN_URL, default the local server). @candor/platform-testing does the same but
 * imports vitest, which a plain Node script cannot load.
 */
export async function freshDatabase() {
  const adminUrl =
    process.env['CANDOR_TEST_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = `b${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const names = {
    database: `candor_bench_${run}`,
    ownerRole: `candor_bench_${run}_owner`,
    appRole: `candor_bench_${run}_app`,
  };
  const urls = await provisionDatabase({
    adminUrl,
    ...names,
    ownerPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
  });
  await runMigrations(urls.ownerUrl);
  return { ...names, ...urls, drop: () => dropProvisionedDatabase(adminUrl, names) };
}
