import type { TenantTransaction } from '@candor/platform-database';

/**
 * Leads whose evidence changed and must be graded again, in the ingestion work's
 * `lead_regrade_queue` (one row per lead; a repeat request only moves its time).
 */
export class RegradeRequestRepository {
  async request(
    tx: TenantTransaction,
    storeId: string,
    leadExternalIds: readonly string[],
  ): Promise<number> {
    if (leadExternalIds.length === 0) return 0;
    const rows = await tx.query(
      `INSERT INTO lead_regrade_queue (consultancy_id, store_id, lead_external_id)
       SELECT $1, $2, unnest($3::text[])
       ON CONFLICT (consultancy_id, store_id, lead_external_id) DO UPDATE SET queued_at = now()
       RETURNING lead_external_id`,
      [tx.consultancyId, storeId, [...new Set(leadExternalIds)]],
    );
    return rows.length;
  }

  async pending(tx: TenantTransaction, storeId: string): Promise<string[]> {
    const rows = await tx.query<{ lead_external_id: string }>(
      `SELECT lead_external_id FROM lead_regrade_queue WHERE consultancy_id = $1 AND store_id = $2
       ORDER BY lead_external_id`,
      [tx.consultancyId, storeId],
    );
    return rows.map((r) => r.lead_external_id);
  }
}
