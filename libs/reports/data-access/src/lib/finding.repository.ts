import type { TenantTransaction } from '@candor/platform-database';
import type { Severity } from '@candor/scoring';
import {
  FINDING_COLUMNS,
  type FindingRow,
  type ReportKey,
  type StoredFinding,
  toStoredFinding,
} from './stored-report';

/** Which findings: those of these stores' reports for one period, narrowed by the rest. */
export interface FindingFilter {
  reports: readonly ReportKey[];
  /**
   * A dealer agent's own work: only findings about one of these (store, CRM user id) pairs
   * (parallel lists); null = everyone's.
   */
  ownWork: { storeIds: readonly string[]; userIds: readonly string[] } | null;
  /** Only findings about these evidence users (CRM user ids); null = everyone. */
  userIds: readonly string[] | null;
  metricIds: readonly string[] | null;
  severities: readonly Severity[] | null;
  leadId: string | null;
}

export interface FindingPageRequest {
  limit: number;
  direction: 'forward' | 'backward';
  /** Keyset position [storeId, seq] to start strictly after (forward) or before (backward). */
  after: [string, number] | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The joins, conditions and their eleven parameters ($1–$11) that select a filter's findings. */
function filterSql(tx: TenantTransaction, filter: FindingFilter) {
  const params: unknown[] = [
    tx.consultancyId,
    filter.reports.map((k) => k.storeId),
    filter.reports.map((k) => k.period.granularity),
    filter.reports.map((k) => iso(k.period.start)),
    filter.reports.map((k) => iso(k.period.end)),
    filter.userIds,
    filter.metricIds,
    filter.severities,
    filter.leadId,
    filter.ownWork?.storeIds ?? null,
    filter.ownWork?.userIds ?? null,
  ];
  const where = `f.consultancy_id = $1
    AND ($6::text[] IS NULL OR f.user_external_id = ANY($6))
    AND ($7::text[] IS NULL OR f.metric_id = ANY($7))
    AND ($8::text[] IS NULL OR f.severity = ANY($8))
    AND ($9::text IS NULL OR f.lead_external_id = $9)
    AND ($10::uuid[] IS NULL OR (f.store_id, f.user_external_id) IN
      (SELECT * FROM unnest($10::uuid[], $11::text[])))`;
  const from = `FROM report_finding f
    JOIN store_report r ON r.consultancy_id = f.consultancy_id AND r.id = f.report_id
    JOIN unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[])
      AS k(store_id, granularity, period_start, period_end)
      ON r.store_id = k.store_id AND r.granularity = k.granularity
     AND r.period_start = k.period_start AND r.period_end = k.period_end`;
  return { params, from, where };
}

/** Stored findings, paged in report order (store, then the engine's order). */
export class FindingRepository {
  async page(
    tx: TenantTransaction,
    filter: FindingFilter,
    page: FindingPageRequest,
  ): Promise<{ rows: StoredFinding[]; totalCount: number }> {
    if (filter.reports.length === 0) return { rows: [], totalCount: 0 };
    const { params, from, where } = filterSql(tx, filter);
    const forward = page.direction === 'forward';
    let keyset = '';
    const paged = [...params];
    if (page.after) {
      paged.push(page.after[0], page.after[1]);
      keyset = `AND (f.store_id, f.seq) ${forward ? '>' : '<'} ($12::uuid, $13::int)`;
    }
    paged.push(page.limit + 1);
    const order = forward ? 'ASC' : 'DESC';
    const rows = await tx.query<FindingRow>(
      `SELECT ${FINDING_COLUMNS} ${from} WHERE ${where} ${keyset}
       ORDER BY f.store_id ${order}, f.seq ${order} LIMIT $${paged.length}`,
      paged,
    );
    return { rows: rows.map(toStoredFinding), totalCount: await this.count(tx, filter) };
  }

  /** How many findings the filter matches (one statement, no rows). */
  async count(tx: TenantTransaction, filter: FindingFilter): Promise<number> {
    if (filter.reports.length === 0) return 0;
    const { params, from, where } = filterSql(tx, filter);
    const [count] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n ${from} WHERE ${where}`,
      params,
    );
    return count?.n ?? 0;
  }

  /** Findings by (report, key), for loaders resolving many finding ids at once. */
  async byKeys(
    tx: TenantTransaction,
    keys: readonly { reportId: string; key: string }[],
  ): Promise<StoredFinding[]> {
    if (keys.length === 0) return [];
    const rows = await tx.query<FindingRow>(
      `SELECT ${FINDING_COLUMNS} FROM report_finding f
       JOIN unnest($2::uuid[], $3::text[]) AS k(report_id, finding_key)
         ON f.report_id = k.report_id AND f.finding_key = k.finding_key
       WHERE f.consultancy_id = $1`,
      [tx.consultancyId, keys.map((k) => k.reportId), keys.map((k) => k.key)],
    );
    return rows.map(toStoredFinding);
  }
}
