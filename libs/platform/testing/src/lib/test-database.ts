import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { EmbeddedPostgres } from '@candor/platform-embedded-db';
import { startEmbeddedPostgres } from '@candor/platform-embedded-db';
import {
  dropProvisionedDatabase,
  provisionDatabase,
  runMigrations,
} from '@candor/platform-database';

/** What the global setup hands every test file (through vitest's `inject('candorDb')`). */
export interface TestDatabase {
  adminUrl: string;
  ownerUrl: string;
  appUrl: string;
  database: string;
  ownerRole: string;
  appRole: string;
}

const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Finds a PostgreSQL to test against: CANDOR_TEST_ADMIN_URL, else the local server on
 * 127.0.0.1:5432, else an embedded one under .data/test-pg.
 */
export async function findTestCluster(
  log: (line: string) => void,
): Promise<{ adminUrl: string; embedded?: EmbeddedPostgres }> {
  const configured = process.env['CANDOR_TEST_ADMIN_URL'];
  if (configured) return { adminUrl: configured };
  if (await reachable(LOCAL_ADMIN_URL)) return { adminUrl: LOCAL_ADMIN_URL };
  log('no PostgreSQL on 127.0.0.1:5432; starting the embedded one for the tests');
  const embedded = await startEmbeddedPostgres({
    dataDir: '.data/test-pg',
    port: Number(process.env['CANDOR_TEST_EMBEDDED_PORT'] ?? 54339),
    onProgress: log,
  });
  return { adminUrl: embedded.adminUrl(), embedded };
}

/** A fresh database and owner/app roles for one test run, migrated to the latest schema. */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const run = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const names = {
    database: `candor_test_${run}`,
    ownerRole: `candor_test_${run}_owner`,
    appRole: `candor_test_${run}_app`,
  };
  const urls = await provisionDatabase({
    adminUrl,
    ...names,
    ownerPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
  });
  await runMigrations(urls.ownerUrl);
  return { adminUrl, ...names, ...urls };
}

export async function dropTestDatabase(db: TestDatabase): Promise<void> {
  await dropProvisionedDatabase(db.adminUrl, db);
}
