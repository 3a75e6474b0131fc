import type { TenantTransaction } from '@candor/platform-database';

/** Where a connector's incremental pull stands, and how its last run went. */
export interface ConnectorSyncState {
  connectorId: string;
  cursor: string | null;
  updatedAt: Date;
  lastStartedAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

interface StateRow {
  connector_id: string;
  cursor: string | null;
  updated_at: Date;
  last_started_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
}

const toState = (r: StateRow): ConnectorSyncState => ({
  connectorId: r.connector_id,
  cursor: r.cursor,
  updatedAt: r.updated_at,
  lastStartedAt: r.last_started_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
});

/** Longest error text kept: vendor bodies can be large, and a consultant needs the gist. */
export const MAX_ERROR_LENGTH = 2000;

/** One row per connector, created on first use (upserts), so a new connector starts at null. */
export class ConnectorCursorRepository {
  async get(tx: TenantTransaction, connectorId: string): Promise<ConnectorSyncState | null> {
    const [row] = await tx.query<StateRow>(
      `SELECT * FROM connector_cursor WHERE consultancy_id = $1 AND connector_id = $2`,
      [tx.consultancyId, connectorId],
    );
    return row ? toState(row) : null;
  }

  /** Makes sure the row exists, then applies `set` (`$3…` are `values`). */
  private async update(tx: TenantTransaction, connectorId: string, set: string, values: unknown[]) {
    await tx.query(
      `INSERT INTO connector_cursor (consultancy_id, connector_id) VALUES ($1, $2)
       ON CONFLICT (consultancy_id, connector_id) DO NOTHING`,
      [tx.consultancyId, connectorId],
    );
    await tx.query(
      `UPDATE connector_cursor SET ${set} WHERE consultancy_id = $1 AND connector_id = $2`,
      [tx.consultancyId, connectorId, ...values],
    );
  }

  /** The scheduler's clock: the next sync is due `interval` after this. */
  async markStarted(tx: TenantTransaction, connectorId: string): Promise<void> {
    await this.update(tx, connectorId, 'last_started_at = now()', []);
  }

  /** Saved after every page, so a crash or retry resumes after the last page that landed. */
  async saveCursor(tx: TenantTransaction, connectorId: string, cursor: string): Promise<void> {
    await this.update(tx, connectorId, 'cursor = $3, updated_at = now()', [cursor]);
  }

  async markSucceeded(tx: TenantTransaction, connectorId: string): Promise<void> {
    await this.update(
      tx,
      connectorId,
      'last_success_at = now(), last_error = NULL, last_error_at = NULL',
      [],
    );
  }

  async markFailed(tx: TenantTransaction, connectorId: string, reason: string): Promise<void> {
    await this.update(tx, connectorId, 'last_error = $3, last_error_at = now()', [
      reason.slice(0, MAX_ERROR_LENGTH),
    ]);
  }
}
