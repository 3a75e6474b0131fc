import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropProvisionedDatabase,
  provisionDatabase,
  revertLastMigration,
  runMigrations,
} from '@candor/platform-database';
import { testDatabase } from '@candor/platform-testing';

const TABLES = ['webhook_delivery', 'webhook_endpoint'];

/** Migration 0900 on a database of its own, so reverting it disturbs no other test. */
describe('the webhooks migration', () => {
  const run = `w${randomBytes(4).toString('hex')}`;
  const names = {
    database: `candor_test_${run}`,
    ownerRole: `candor_test_${run}_owner`,
    appRole: `candor_test_${run}_app`,
  };
  let ownerUrl = '';

  beforeAll(async () => {
    ({ ownerUrl } = await provisionDatabase({
      adminUrl: testDatabase().adminUrl,
      ...names,
      ownerPassword: randomBytes(12).toString('hex'),
      appPassword: randomBytes(12).toString('hex'),
    }));
    await runMigrations(ownerUrl);
  });

  afterAll(() => dropProvisionedDatabase(testDatabase().adminUrl, names));

  async function present() {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const tables = await client.query<{ t: string; rls: boolean; forced: boolean }>(
        `SELECT relname AS t, relrowsecurity AS rls, relforcerowsecurity AS forced FROM pg_class
         WHERE relkind = 'r' AND relname = ANY($1) ORDER BY 1`,
        [TABLES],
      );
      const applied = await client.query(
        `SELECT 1 FROM schema_migrations WHERE name = 'Webhooks1763900000900'`,
      );
      return { tables: tables.rows, applied: (applied.rowCount ?? 0) > 0 };
    } finally {
      await client.end();
    }
  }

  const migrated = {
    tables: TABLES.map((t) => ({ t, rls: true, forced: true })),
    applied: true,
  };

  it('creates tenant tables with RLS forced, reverts cleanly and applies again', async () => {
    expect(await present()).toEqual(migrated);
    while ((await present()).applied) await revertLastMigration(ownerUrl);
    expect(await present()).toEqual({ tables: [], applied: false });
    await runMigrations(ownerUrl);
    expect(await present()).toEqual(migrated);
  });
});
