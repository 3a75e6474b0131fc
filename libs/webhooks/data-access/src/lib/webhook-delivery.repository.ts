import type { TenantTransaction } from '@candor/platform-database';
import type { PageRequest } from '@candor/platform-graphql';
import type { DeliverableEventType, WebhookEnvelope } from '@candor/webhooks-domain';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Longest `last_error` kept: enough for a status line or a network error, not a whole page. */
export const MAX_DELIVERY_ERROR_LENGTH = 300;

/** One entry of the delivery log. */
export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: DeliverableEventType;
  storeId: string | null;
  payload: WebhookEnvelope;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** When the next attempt is due (pending only). */
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** A delivery the runner has claimed for one attempt. */
export interface ClaimedDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  payload: WebhookEnvelope;
  /** The number of this attempt (1 for the first). */
  attempt: number;
}

/** What one attempt came to; `nextAttemptAt` null with a failure means: failed for good. */
export type AttemptOutcome =
  | { delivered: true; statusCode: number }
  | {
      delivered: false;
      statusCode: number | null;
      error: string;
      nextAttemptAt: Date | null;
    };

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: DeliverableEventType;
  store_id: string | null;
  payload: WebhookEnvelope;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, endpoint_id, event_id, event_type, store_id, payload, status, attempts,
  next_attempt_at, last_attempt_at, last_status_code, last_error, delivered_at, created_at`;

function toView(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    storeId: row.store_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** The delivery log, which is also the queue the runner works from. */
export class WebhookDeliveryRepository {
  async findById(tx: TenantTransaction, id: string): Promise<WebhookDeliveryView | null> {
    const [row] = await tx.query<DeliveryRow>(
      `SELECT ${COLUMNS} FROM webhook_delivery WHERE consultancy_id = $1 AND id = $2`,
      [tx.consultancyId, id],
    );
    return row ? toView(row) : null;
  }

  /** One endpoint's log, newest first, keyset on (created_at, id). */
  async page(
    tx: TenantTransaction,
    endpointId: string,
    status: WebhookDeliveryStatus | null,
    page: PageRequest,
  ): Promise<{ rows: WebhookDeliveryView[]; totalCount: number }> {
    const filter = 'consultancy_id = $1 AND endpoint_id = $2 AND ($3::text IS NULL OR status = $3)';
    const base = [tx.consultancyId, endpointId, status];
    const [count] = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM webhook_delivery WHERE ${filter}`,
      base,
    );
    // Newest first: paging forward goes to older rows.
    const forward = page.direction === 'forward';
    const params: unknown[] = [...base, page.limit + 1];
    let position = '';
    if (page.cursorKey) {
      params.push(String(page.cursorKey[0]), String(page.cursorKey[1]));
      position = `AND (created_at, id) ${forward ? '<' : '>'} ($5::timestamptz, $6::uuid)`;
    }
    const order = forward ? 'DESC' : 'ASC';
    const rows = await tx.query<DeliveryRow>(
      `SELECT ${COLUMNS} FROM webhook_delivery WHERE ${filter} ${position}
       ORDER BY created_at ${order}, id ${order} LIMIT $4`,
      params,
    );
    return { rows: rows.map(toView), totalCount: Number(count?.n ?? 0) };
  }

  /**
   * Queues the event again for the same endpoint as a new log entry (the failed one stays in
   * the log); it carries the same event id, so a receiver that got it before can tell.
   */
  async redeliver(
    tx: TenantTransaction,
    id: string,
    now = new Date(),
  ): Promise<WebhookDeliveryView | null> {
    const [row] = await tx.query<DeliveryRow>(
      `INSERT INTO webhook_delivery (consultancy_id, endpoint_id, event_id, event_type, store_id,
         payload, next_attempt_at, created_at)
       SELECT consultancy_id, endpoint_id, event_id, event_type, store_id, payload, $3, $3
       FROM webhook_delivery WHERE consultancy_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [tx.consultancyId, id, now],
    );
    return row ? toView(row) : null;
  }

  /**
   * Takes up to `limit` due deliveries of enabled endpoints for one attempt. Rows another
   * worker holds are skipped; a claimed row counts the attempt and is hidden for `leaseSeconds`,
   * so if this worker dies mid-request the delivery is simply tried again later.
   */
  async claimDue(
    tx: TenantTransaction,
    now: Date,
    limit: number,
    leaseSeconds: number,
  ): Promise<ClaimedDelivery[]> {
    const rows = await tx.query<{
      id: string;
      endpoint_id: string;
      event_id: string;
      payload: WebhookEnvelope;
      attempts: number;
    }>(
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d
         JOIN webhook_endpoint e ON e.consultancy_id = d.consultancy_id AND e.id = d.endpoint_id
         WHERE d.consultancy_id = $1 AND d.status = 'pending' AND d.next_attempt_at <= $2
           AND e.enabled
         ORDER BY d.next_attempt_at, d.id
         LIMIT $3
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_delivery w
       SET attempts = w.attempts + 1, last_attempt_at = $2,
           next_attempt_at = $2 + $4 * interval '1 second'
       FROM due WHERE w.consultancy_id = $1 AND w.id = due.id
       RETURNING w.id, w.endpoint_id, w.event_id, w.payload, w.attempts`,
      [tx.consultancyId, now, limit, leaseSeconds],
    );
    return rows.map((r) => ({
      id: r.id,
      endpointId: r.endpoint_id,
      eventId: r.event_id,
      payload: r.payload,
      attempt: r.attempts,
    }));
  }

  /**
   * Records the outcome of attempt `attempt`. Ignored (false) when the row has moved on, e.g. a
   * lease that ran out and another worker's later attempt.
   */
  async recordAttempt(
    tx: TenantTransaction,
    id: string,
    attempt: number,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<boolean> {
    const status: WebhookDeliveryStatus = outcome.delivered
      ? 'delivered'
      : outcome.nextAttemptAt
        ? 'pending'
        : 'failed';
    const rows = await tx.query(
      `UPDATE webhook_delivery SET status = $4, last_status_code = $5, last_error = $6,
         next_attempt_at = $7, delivered_at = $8
       WHERE consultancy_id = $1 AND id = $2 AND attempts = $3 AND status = 'pending'
       RETURNING id`,
      [
        tx.consultancyId,
        id,
        attempt,
        status,
        outcome.statusCode,
        outcome.delivered ? null : outcome.error.slice(0, MAX_DELIVERY_ERROR_LENGTH),
        outcome.delivered ? null : outcome.nextAttemptAt,
        outcome.delivered ? now : null,
      ],
    );
    return rows.length === 1;
  }
}
