import { findingKeys, type Period } from '@candor/reports-domain';
import type { StoreReport } from '@candor/scoring';
import type { TenantTransaction } from '@candor/platform-database';
import {
  FINDING_COLUMNS,
  type FindingRow,
  REPORT_COLUMNS,
  type ReportKey,
  type SavedReport,
  type StoredReport,
  toStoredFinding,
} from './stored-report';

const iso = (ms: number) => new Date(ms).toISOString();

/** Materialized reports of the transaction's tenant (row-level security scopes every query). */
export class ReportRepository {
  async find(tx: TenantTransaction, key: ReportKey): Promise<StoredReport | null> {
    const [found] = await this.findMany(tx, [key]);
    return found ?? null;
  }

  /** Many reports in one statement (a portfolio asks for two periods of every store). */
  async findMany(tx: TenantTransaction, keys: readonly ReportKey[]): Promise<StoredReport[]> {
    if (keys.length === 0) return [];
    return tx.query<StoredReport>(
      `SELECT ${REPORT_COLUMNS} FROM store_report r
       JOIN unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[])
         AS k(store_id, granularity, period_start, period_end)
         ON r.store_id = k.store_id AND r.granularity = k.granularity
        AND r.period_start = k.period_start AND r.period_end = k.period_end
       WHERE r.consultancy_id = $1`,
      [
        tx.consultancyId,
        keys.map((k) => k.storeId),
        keys.map((k) => k.period.granularity),
        keys.map((k) => iso(k.period.start)),
        keys.map((k) => iso(k.period.end)),
      ],
    );
  }

  /** A store's reports of one granularity whose periods start in [from, to), oldest first. */
  async series(
    tx: TenantTransaction,
    storeId: string,
    granularity: Period['granularity'],
    from: number,
    to: number,
  ): Promise<StoredReport[]> {
    return tx.query<StoredReport>(
      `SELECT ${REPORT_COLUMNS} FROM store_report r
       WHERE r.consultancy_id = $1 AND r.store_id = $2 AND r.granularity = $3
         AND r.period_start >= $4 AND r.period_start < $5
       ORDER BY r.period_start`,
      [tx.consultancyId, storeId, granularity, iso(from), iso(to)],
    );
  }

  /**
   * Stores a freshly graded report in place of the previous one of its period (same id), and
   * its findings: a finding seen before keeps its key and first-seen time, vanished ones go.
   */
  async save(
    tx: TenantTransaction,
    storeId: string,
    period: Period,
    asOf: number,
    policyVersion: string,
    graded: StoreReport,
  ): Promise<SavedReport> {
    const { findings, ...body } = graded;
    const [previous] = await tx.query<{ id: string; final: boolean }>(
      `SELECT id, as_of >= period_end AS final FROM store_report
       WHERE consultancy_id = $1 AND store_id = $2 AND granularity = $3
         AND period_start = $4 AND period_end = $5 FOR UPDATE`,
      [tx.consultancyId, storeId, period.granularity, iso(period.start), iso(period.end)],
    );
    const values = [
      tx.consultancyId,
      storeId,
      period.granularity,
      iso(period.start),
      iso(period.end),
      period.label,
      iso(asOf),
      policyVersion,
      graded.overall.score,
      graded.overall.letter,
      findings.length,
      JSON.stringify(body),
    ];
    const [report] = await tx.query<StoredReport>(
      previous
        ? `UPDATE store_report r SET label = $6, as_of = $7, policy_version = $8,
             overall_score = $9, letter = $10, finding_count = $11, report = $12::jsonb,
             computed_at = now(), stale = false
           WHERE r.consultancy_id = $1 AND r.store_id = $2 AND r.granularity = $3
             AND r.period_start = $4 AND r.period_end = $5
           RETURNING ${REPORT_COLUMNS}`
        : `INSERT INTO store_report AS r (consultancy_id, store_id, granularity, period_start,
             period_end, label, as_of, policy_version, overall_score, letter, finding_count, report)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
           RETURNING ${REPORT_COLUMNS}`,
      values,
    );
    const saved = report!;
    const keys = findingKeys(findings);
    const rows = findings.map((f, seq) => ({
      key: keys[seq],
      seq,
      metric: f.metricId,
      severity: f.severity,
      lead: f.leadId ?? null,
      user: f.userId ?? null,
      events: f.eventIds,
      message: f.message,
    }));
    await tx.query(
      `DELETE FROM report_finding WHERE consultancy_id = $1 AND report_id = $2
         AND NOT (finding_key = ANY($3::text[]))`,
      [tx.consultancyId, saved.id, keys],
    );
    const fresh = await tx.query<FindingRow & { inserted: boolean }>(
      `INSERT INTO report_finding AS f (consultancy_id, report_id, finding_key, seq, store_id,
         metric_id, severity, lead_external_id, user_external_id, event_ids, message)
       SELECT $1, $2, x.key, x.seq, $3, x.metric, x.severity, x.lead, x."user",
         ARRAY(SELECT jsonb_array_elements_text(x.events)), x.message
       FROM jsonb_to_recordset($4::jsonb) AS x(key text, seq int, metric text, severity text,
         lead text, "user" text, events jsonb, message text)
       ON CONFLICT (consultancy_id, report_id, finding_key) DO UPDATE SET seq = excluded.seq,
         metric_id = excluded.metric_id, severity = excluded.severity,
         event_ids = excluded.event_ids, message = excluded.message
       RETURNING ${FINDING_COLUMNS}, (xmax = 0) AS inserted`,
      [tx.consultancyId, saved.id, storeId, JSON.stringify(rows)],
    );
    const newFindings = fresh
      .filter((f) => f.inserted)
      .map(({ inserted: _inserted, ...f }) => toStoredFinding(f))
      .sort((a, b) => a.seq - b.seq);
    const final = asOf >= period.end;
    return { report: saved, newFindings, becameFinal: final && !previous?.final };
  }

  /**
   * Marks stale a store's reports that read a lead received at any of these instants (epoch
   * ms): those whose period ends after it and starts less than `lookbackMs` after it.
   */
  async markStaleAfter(
    tx: TenantTransaction,
    storeId: string,
    instants: readonly number[],
    lookbackMs: number,
  ): Promise<number> {
    if (instants.length === 0) return 0;
    const rows = await tx.query(
      `UPDATE store_report r SET stale = true
       WHERE r.consultancy_id = $1 AND r.store_id = $2 AND NOT r.stale
         AND EXISTS (SELECT 1 FROM unnest($3::timestamptz[]) t(at)
           WHERE r.period_end > t.at AND r.period_start < t.at + $4 * interval '1 millisecond')
       RETURNING r.id`,
      [tx.consultancyId, storeId, instants.map(iso), lookbackMs],
    );
    return rows.length;
  }

  /** Marks every report of a store stale (its settings changed, or a regrade was asked for). */
  async markAllStale(tx: TenantTransaction, storeId: string): Promise<number> {
    const rows = await tx.query(
      `UPDATE store_report SET stale = true
       WHERE consultancy_id = $1 AND store_id = $2 AND NOT stale RETURNING id`,
      [tx.consultancyId, storeId],
    );
    return rows.length;
  }

  /**
   * Calendar reports of a store that need grading again: stale ones, ones graded under another
   * policy version, and running ones (not yet judged at their end) computed more than
   * `runningMinutes` ago. Custom windows are graded again when they are read.
   */
  async due(
    tx: TenantTransaction,
    storeId: string,
    runningMinutes: number,
    policyVersion: string,
  ): Promise<Pick<StoredReport, 'granularity' | 'periodStart' | 'periodEnd' | 'label'>[]> {
    return tx.query(
      `SELECT granularity, period_start AS "periodStart", period_end AS "periodEnd", label
       FROM store_report
       WHERE consultancy_id = $1 AND store_id = $2 AND granularity <> 'custom'
         AND (stale OR policy_version <> $4
           OR as_of < period_end AND computed_at <= now() - $3 * interval '1 minute')
       ORDER BY period_start, granularity`,
      [tx.consultancyId, storeId, runningMinutes, policyVersion],
    );
  }
}
