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

const TABLES = ['agent_identity', 'api_key', 'invitation', 'platform_admin', 'refresh_token'];
const FUNCTIONS = [
  'auth_is_platform_admin',
  'platform_consultancies',
  'platform_consultancy_count',
];

/** Migration 0200 on a database of its own, so reverting it disturbs no other test. */
describe('the identity migration', () => {
  const run = `i${randomBytes(4).toString('hex')}`;
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

  async function present(): Promise<{ tables: string[]; functions: string[]; applied: boolean }> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const tables = await client.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1)
         ORDER BY 1`,
        [TABLES],
      );
      const functions = await client.query<{ f: string }>(
        `SELECT proname AS f FROM pg_proc WHERE proname = ANY($1) ORDER BY 1`,
        [FUNCTIONS],
      );
      const applied = await client.query(
        `SELECT 1 FROM schema_migrations WHERE name = 'Identity1763900000200'`,
      );
      return {
        tables: tables.rows.map((r) => r.t),
        functions: functions.rows.map((r) => r.f),
        applied: (applied.rowCount ?? 0) > 0,
      };
    } finally {
      await client.end();
    }
  }

  it('reverts cleanly (with the migrations after it) and applies again', async () => {
    const full = { tables: TABLES, functions: FUNCTIONS, applied: true };
    expect(await present()).toEqual(full);
    while ((await present()).applied) await revertLastMigration(ownerUrl);
    expect(await present()).toEqual({ tables: [], functions: [], applied: false });
    await runMigrations(ownerUrl);
    expect(await present()).toEqual(full);
  });
});
