import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { runInTenant } from '@candor/platform-database';

/** Adds a store with a given external id (the bundle's storeId) to a test tenant. */
export async function storeWithExternalId(
  ds: DataSource,
  consultancyId: string,
  externalId: string,
): Promise<string> {
  const id = randomUUID();
  await runInTenant(ds, { consultancyId }, (tx) =>
    tx.query(
      `INSERT INTO store (consultancy_id, id, external_id, name, time_zone, business_hours)
       VALUES ($1, $2, $3, $4, 'America/Chicago', '{"mon":null,"tue":null,"wed":null,"thu":null,"fri":null,"sat":null,"sun":null}')`,
      [consultancyId, id, externalId, `Store ${externalId}`],
    ),
  );
  return id;
}

/** Rows of a table the tenant can see (RLS applies), optionally for one store. */
export async function countRows(
  ds: DataSource,
  consultancyId: string,
  table: string,
  storeId?: string,
): Promise<number> {
  const rows = await runInTenant(ds, { consultancyId }, (tx) =>
    tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table}${storeId ? ' WHERE store_id = $1' : ''}`,
      storeId ? [storeId] : [],
    ),
  );
  return rows[0]!.n;
}
