import type { Granularity, Period } from '@candor/reports-domain';
import type { Finding, StoreReport } from '@candor/scoring';

/** What a stored report holds: the engine's store report without its findings. */
export type ReportBody = Omit<StoreReport, 'findings'>;

/** A materialized report of one store and period, as the API reads it. */
export interface StoredReport {
  id: string;
  storeId: string;
  granularity: Granularity;
  periodStart: Date;
  periodEnd: Date;
  label: string;
  asOf: Date;
  policyVersion: string;
  overallScore: number | null;
  letter: string | null;
  findingCount: number;
  body: ReportBody;
  computedAt: Date;
  stale: boolean;
}

/** A stored finding with the key that keeps its identity across refreshes. */
export interface StoredFinding extends Finding {
  reportId: string;
  storeId: string;
  key: string;
  seq: number;
  firstSeenAt: Date;
}

/** Which report of a store: the store's uuid and a period. */
export interface ReportKey {
  storeId: string;
  period: Pick<Period, 'granularity' | 'start' | 'end'>;
}

/** What saving a freshly graded report changed. */
export interface SavedReport {
  report: StoredReport;
  /** Findings that were not in the previous version of this report. */
  newFindings: StoredFinding[];
  /** True when this save made the report final (its period is over and fully judged). */
  becameFinal: boolean;
}

export const REPORT_COLUMNS = `r.id, r.store_id AS "storeId", r.granularity,
  r.period_start AS "periodStart", r.period_end AS "periodEnd", r.label, r.as_of AS "asOf",
  r.policy_version AS "policyVersion", r.overall_score AS "overallScore", r.letter,
  r.finding_count AS "findingCount", r.report AS body, r.computed_at AS "computedAt", r.stale`;

export const FINDING_COLUMNS = `f.report_id AS "reportId", f.store_id AS "storeId",
  f.finding_key AS key, f.seq, f.metric_id AS "metricId", f.severity,
  f.lead_external_id AS "leadId", f.user_external_id AS "userId", f.event_ids AS "eventIds",
  f.message, f.first_seen_at AS "firstSeenAt"`;

export interface FindingRow extends Omit<StoredFinding, 'leadId' | 'userId'> {
  leadId: string | null;
  userId: string | null;
}

/** Rows keep the engine's shape: absent lead or user ids are left out, not null. */
export function toStoredFinding(row: FindingRow): StoredFinding {
  const { leadId, userId, ...rest } = row;
  return {
    ...rest,
    ...(leadId === null ? {} : { leadId }),
    ...(userId === null ? {} : { userId }),
  };
}
