import type { DataSource } from 'typeorm';

/** A store whose reports have work waiting, and the tenant to do it in. */
export interface DueRefresh {
  consultancyId: string;
  storeId: string;
}

/**
 * Stores with leads queued for re-grading, stale reports or aged running periods, across
 * tenants (the scheduler has no tenant), through the SECURITY DEFINER function that returns ids
 * only. Reports under an older policy version are found by the refresh itself.
 */
export async function findDueRefreshes(
  ds: DataSource,
  runningMinutes: number,
  limit = 500,
): Promise<DueRefresh[]> {
  const rows = (await ds.query('SELECT consultancy_id, store_id FROM report_refresh_due($1, $2)', [
    runningMinutes,
    limit,
  ])) as { consultancy_id: string; store_id: string }[];
  return rows.map((r) => ({ consultancyId: r.consultancy_id, storeId: r.store_id }));
}
