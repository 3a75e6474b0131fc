import type { DataSource } from 'typeorm';

/** A connector whose sync interval has elapsed, and the tenant to run it in. */
export interface DueSync {
  consultancyId: string;
  connectorId: string;
}

/**
 * Enabled connectors due for a sync, across tenants (the scheduler has no tenant), through the
 * SECURITY DEFINER function that returns ids only; each sync then runs inside its tenant.
 */
export async function findDueSyncs(ds: DataSource, limit = 500): Promise<DueSync[]> {
  const rows = (await ds.query('SELECT consultancy_id, connector_id FROM connector_due_syncs($1)', [
    limit,
  ])) as { consultancy_id: string; connector_id: string }[];
  return rows.map((r) => ({ consultancyId: r.consultancy_id, connectorId: r.connector_id }));
}
