import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { TENANCY_ENTITIES } from './entities';
import { StoreRepository } from './repositories/store.repository';

const TENANT_TABLES = ['consultancy', 'dealer_group', 'store', 'membership', 'membership_store'];

async function asApp<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabase().appUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('row-level security for the app role', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    ds = await appDataSource({ entities: TENANCY_ENTITIES, poolSize: 5 });
    a = await newTenant(ds, { stores: 2 });
    b = await newTenant(ds, { stores: 2 });
  });

  afterAll(() => ds?.destroy());

  it('sees zero rows in every tenant table when no tenant is set', async () => {
    await asApp(async (client) => {
      for (const table of [...TENANT_TABLES, 'app_user']) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect(rows[0], table).toEqual({ n: 0 });
      }
    });
  });

  it('sees only the tenant that is set', async () => {
    const stores = await runInTenant(ds, a, (tx) =>
      tx.query<{ id: string }>('SELECT id FROM store'),
    );
    expect(stores.map((s) => s.id).sort()).toEqual([...a.storeIds].sort());
  });

  it("rejects an insert for another tenant's consultancy_id", async () => {
    await expect(
      runInTenant(ds, a, (tx) =>
        tx.query(
          `INSERT INTO store (consultancy_id, external_id, name, time_zone, business_hours)
           VALUES ($1, 'planted', 'Planted', 'UTC', '{}')`,
          [b.consultancyId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('rejects an insert when no tenant is set', async () => {
    await asApp(async (client) => {
      await expect(
        client.query(
          `INSERT INTO store (consultancy_id, external_id, name, time_zone, business_hours)
           VALUES ($1, 'planted', 'Planted', 'UTC', '{}')`,
          [a.consultancyId],
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });

  it("cannot update, delete or move another tenant's rows", async () => {
    const bStore = b.storeIds[0]!;
    const touched = await runInTenant(ds, a, async (tx) => {
      const updated = await tx.query(`UPDATE store SET name = 'x' WHERE id = $1 RETURNING id`, [
        bStore,
      ]);
      const deleted = await tx.query(`DELETE FROM store WHERE id = $1 RETURNING id`, [bStore]);
      return [...updated, ...deleted];
    });
    expect(touched).toEqual([]);
    // Re-labelling one's own row as another tenant's is refused by the WITH CHECK clause.
    await expect(
      runInTenant(ds, a, (tx) =>
        tx.query('UPDATE store SET consultancy_id = $1 WHERE id = $2', [
          b.consultancyId,
          a.storeIds[0],
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const bStores = await runInTenant(ds, b, (tx) =>
      new StoreRepository().findById(tx, { all: true }, bStore),
    );
    expect(bStores?.name).not.toBe('x');
  });

  it('does not carry the tenant of one transaction into the next on a pooled connection', async () => {
    const one = await appDataSource({ entities: TENANCY_ENTITIES, poolSize: 1 });
    try {
      await runInTenant(one, a, (tx) => tx.query('SELECT 1'));
      const [row] = (await one.query(
        `SELECT NULLIF(current_setting('app.consultancy_id', true), '') AS tenant,
                (SELECT count(*)::int FROM store) AS stores`,
      )) as { tenant: string | null; stores: number }[];
      expect(row).toEqual({ tenant: null, stores: 0 });
    } finally {
      await one.destroy();
    }
  });

  it('keeps 40 interleaved transactions of two tenants apart on a pool of 5', async () => {
    const runs = Array.from({ length: 40 }, (_, i) => {
      const tenant = i % 2 === 0 ? a : b;
      return runInTenant(ds, tenant, async (tx) => {
        // Hold the connection briefly so transactions overlap and connections are reused.
        await tx.query('SELECT pg_sleep(0.01)');
        const rows = await tx.query<{ consultancy_id: string }>('SELECT consultancy_id FROM store');
        return { tenant, seen: new Set(rows.map((r) => r.consultancy_id)) };
      });
    });
    for (const { tenant, seen } of await Promise.all(runs)) {
      expect([...seen]).toEqual([tenant.consultancyId]);
    }
  });
});

describe('the app role cannot get around row-level security', () => {
  it('is not a superuser, cannot bypass RLS and owns no table', async () => {
    const { appRole } = testDatabase();
    await asApp(async (client) => {
      const { rows } = await client.query(
        'SELECT rolsuper, rolbypassrls, rolcreaterole FROM pg_roles WHERE rolname = $1',
        [appRole],
      );
      expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false, rolcreaterole: false }]);
      const owned = await client.query(
        `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
         WHERE r.rolname IN ($1, 'candor_app')`,
        [appRole],
      );
      expect(owned.rows).toEqual([]);
    });
  });

  it.each([
    ['disable RLS', 'ALTER TABLE store DISABLE ROW LEVEL SECURITY', /must be owner/],
    ['un-force RLS', 'ALTER TABLE store NO FORCE ROW LEVEL SECURITY', /must be owner/],
    ['drop the policy', 'DROP POLICY tenant_isolation ON store', /must be owner/],
    ['replace the policy', 'CREATE POLICY open ON store USING (true)', /must be owner/],
  ])('cannot %s', async (_, sql, error) => {
    await asApp(async (client) => {
      await expect(client.query(sql)).rejects.toThrow(error);
    });
  });

  it('cannot become the owner role', async () => {
    const { ownerRole } = testDatabase();
    await asApp(async (client) => {
      await expect(client.query(`SET ROLE ${ownerRole}`)).rejects.toThrow(/permission denied/);
      await expect(client.query(`SET SESSION AUTHORIZATION ${ownerRole}`)).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it('cannot switch row security off', async () => {
    await asApp(async (client) => {
      await client.query('SET row_security = off');
      await expect(client.query('SELECT * FROM store')).rejects.toThrow(/row-level security/);
    });
  });

  it('cannot create objects of its own', async () => {
    await asApp(async (client) => {
      await expect(client.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it('sees every tenant table with RLS enabled and forced', async () => {
    await asApp(async (client) => {
      const { rows } = await client.query(
        `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
         WHERE relname = ANY($1) ORDER BY relname`,
        [[...TENANT_TABLES, 'app_user']],
      );
      expect(rows).toHaveLength(TENANT_TABLES.length + 1);
      for (const row of rows) {
        expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
      }
    });
  });

  it('lets a tenant write its own rows with a fresh id', async () => {
    const ds = await appDataSource({ entities: TENANCY_ENTITIES });
    try {
      const t = await newTenant(ds, { stores: 0 });
      const id = randomUUID();
      await runInTenant(ds, t, (tx) =>
        tx.query(`INSERT INTO dealer_group (consultancy_id, id, name) VALUES ($1, $2, 'North')`, [
          t.consultancyId,
          id,
        ]),
      );
      const rows = await runInTenant(ds, t, (tx) => tx.query('SELECT id FROM dealer_group'));
      expect(rows).toEqual([{ id }]);
    } finally {
      await ds.destroy();
    }
  });
});
