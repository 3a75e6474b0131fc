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

const TABLES = ['connector', 'connector_cursor', 'connector_dead_letter', 'store_ingest_token'];

/** Migration 0600 on a database of its own, so reverting it disturbs no other test. */
describe('the connectors migration', () => {
  const run = `m${randomBytes(4).toString('hex')}`;
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

  async function present(): Promise<{ tables: string[]; applied: boolean }> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const tables = await client.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)
         ORDER BY 1`,
        [TABLES],
      );
      const applied = await client.query(
        `SELECT 1 FROM schema_migrations WHERE name = 'Connectors1763900000600'`,
      );
      return { tables: tables.rows.map((r) => r.t), applied: (applied.rowCount ?? 0) > 0 };
    } finally {
      await client.end();
    }
  }

  it('reverts cleanly and applies again', async () => {
    expect(await present()).toEqual({ tables: [...TABLES].sort(), applied: true });
    while ((await present()).applied) await revertLastMigration(ownerUrl);
    expect(await present()).toEqual({ tables: [], applied: false });
    await runMigrations(ownerUrl);
    expect(await present()).toEqual({ tables: [...TABLES].sort(), applied: true });
  });
});
