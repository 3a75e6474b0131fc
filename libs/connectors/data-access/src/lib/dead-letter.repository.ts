import type { TenantTransaction } from '@candor/platform-database';
import { MAX_ERROR_LENGTH } from './connector-cursor.repository';

/** A sync that failed for good, with the reason a consultant can act on. */
export interface DeadLetter {
  id: string;
  connectorId: string;
  jobId: string;
  payloadSummary: string;
  reason: string;
  attempts: number;
  failedAt: Date;
  resolvedAt: Date | null;
}

export interface NewDeadLetter {
  connectorId: string;
  jobId: string;
  payloadSummary: string;
  reason: string;
  attempts: number;
}

interface DeadLetterRow {
  id: string;
  connector_id: string;
  job_id: string;
  payload_summary: string;
  reason: string;
  attempts: number;
  failed_at: Date;
  resolved_at: Date | null;
}

const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  id: r.id,
  connectorId: r.connector_id,
  jobId: r.job_id,
  payloadSummary: r.payload_summary,
  reason: r.reason,
  attempts: r.attempts,
  failedAt: r.failed_at,
  resolvedAt: r.resolved_at,
});

export class DeadLetterRepository {
  /** One letter per queue job: recording the same job twice keeps the latest reason. */
  async record(tx: TenantTransaction, letter: NewDeadLetter): Promise<DeadLetter> {
    const [row] = await tx.query<DeadLetterRow>(
      `INSERT INTO connector_dead_letter
         (consultancy_id, connector_id, job_id, payload_summary, reason, attempts)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (consultancy_id, job_id) DO UPDATE SET reason = EXCLUDED.reason,
         attempts = EXCLUDED.attempts, failed_at = now(), resolved_at = NULL
       RETURNING *`,
      [
        tx.consultancyId,
        letter.connectorId,
        letter.jobId,
        letter.payloadSummary.slice(0, 500),
        letter.reason.slice(0, MAX_ERROR_LENGTH),
        letter.attempts,
      ],
    );
    return toDeadLetter(row!);
  }

  /** Unresolved letters, newest first (all connectors of the tenant, or one). */
  async listOpen(tx: TenantTransaction, connectorId?: string): Promise<DeadLetter[]> {
    const rows = await tx.query<DeadLetterRow>(
      `SELECT * FROM connector_dead_letter
       WHERE consultancy_id = $1 AND resolved_at IS NULL AND ($2::uuid IS NULL OR connector_id = $2::uuid)
       ORDER BY failed_at DESC, id`,
      [tx.consultancyId, connectorId ?? null],
    );
    return rows.map(toDeadLetter);
  }

  async resolve(tx: TenantTransaction, id: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE connector_dead_letter SET resolved_at = now()
       WHERE consultancy_id = $1 AND id = $2 AND resolved_at IS NULL RETURNING id`,
      [tx.consultancyId, id],
    );
    return rows.length === 1;
  }
}
