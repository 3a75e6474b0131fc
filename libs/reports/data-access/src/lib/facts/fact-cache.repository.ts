import type { FactCache } from '@candor/scoring';
import type { TenantTransaction } from '@candor/platform-database';
import { decodeFactCache, encodeFactCache, FACT_CACHE_FORMAT } from './fact-cache.codec';

/** Per-lead facts of final reports (row-level security scopes every query to the tenant). */
export class FactCacheRepository {
  /** The caches of these reports that can be read back, by report id. */
  async load(tx: TenantTransaction, reportIds: readonly string[]): Promise<Map<string, FactCache>> {
    const found = new Map<string, FactCache>();
    if (reportIds.length === 0) return found;
    const rows = await tx.query<{ reportId: string; format: string; facts: Buffer }>(
      `SELECT report_id AS "reportId", format, facts FROM report_fact_cache
       WHERE consultancy_id = $1 AND report_id = ANY($2::uuid[])`,
      [tx.consultancyId, reportIds],
    );
    for (const row of rows) {
      const cache = decodeFactCache(row.format, row.facts);
      if (cache) found.set(row.reportId, cache);
    }
    return found;
  }

  async save(
    tx: TenantTransaction,
    report: { id: string; storeId: string; periodEnd: Date },
    cache: FactCache,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO report_fact_cache (consultancy_id, report_id, store_id, period_end, lead_count,
         format, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (consultancy_id, report_id) DO UPDATE SET lead_count = excluded.lead_count,
         format = excluded.format, facts = excluded.facts, computed_at = now()`,
      [
        tx.consultancyId,
        report.id,
        report.storeId,
        report.periodEnd,
        cache.leads.size,
        FACT_CACHE_FORMAT,
        encodeFactCache(cache),
      ],
    );
  }

  /** Drops a store's caches of periods that ended before `before` (epoch ms). */
  async pruneEndedBefore(tx: TenantTransaction, storeId: string, before: number): Promise<number> {
    const rows = await tx.query(
      `DELETE FROM report_fact_cache WHERE consultancy_id = $1 AND store_id = $2
         AND period_end < $3 RETURNING report_id`,
      [tx.consultancyId, storeId, new Date(before).toISOString()],
    );
    return rows.length;
  }
}
