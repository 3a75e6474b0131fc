import { randomBytes } from 'node:crypto';
import type { TenantTransaction } from '@candor/platform-database';
import {
  isWebhookEventType,
  WEBHOOK_TEST_EVENT,
  type DeliverableEventType,
  type WebhookEnvelope,
  type WebhookEventType,
} from '@candor/webhooks-domain';

export interface WebhookEvent {
  type: WebhookEventType;
  /** The store the event is about, kept in the delivery log (not added to the payload). */
  storeId?: string | null;
  /** The event's own fields: the `data` of the payload. */
  data: Record<string, unknown>;
}

export interface PublishOptions {
  /** When the event happened; now by default. */
  now?: Date;
}

/** The id receivers see as `webhook-id`: the same for every endpoint and every retry. */
export function newWebhookEventId(): string {
  return `evt_${randomBytes(16).toString('base64url')}`;
}

function envelope(type: DeliverableEventType, at: Date, data: Record<string, unknown>) {
  const payload: WebhookEnvelope = { type, timestamp: at.toISOString(), data };
  return JSON.stringify(payload);
}

/**
 * Queues `event` for every enabled endpoint of the tenant subscribed to its type, inside the
 * caller's transaction: the deliveries exist exactly when the caller's change commits. Returns
 * how many deliveries were queued (0 when no endpoint wants it). The worker sends them.
 */
export async function publishWebhookEvent(
  tx: TenantTransaction,
  event: WebhookEvent,
  options: PublishOptions = {},
): Promise<number> {
  if (!isWebhookEventType(event.type)) {
    throw new Error(`not a webhook event type: ${String(event.type)}`);
  }
  const at = options.now ?? new Date();
  const rows = await tx.query(
    `INSERT INTO webhook_delivery (consultancy_id, endpoint_id, event_id, event_type, store_id,
       payload, next_attempt_at, created_at)
     SELECT e.consultancy_id, e.id, $2, $3, $4, $5::jsonb, $6, $6
     FROM webhook_endpoint e
     WHERE e.consultancy_id = $1 AND e.enabled AND $3 = ANY(e.event_types)
     RETURNING id`,
    [
      tx.consultancyId,
      newWebhookEventId(),
      event.type,
      event.storeId ?? null,
      envelope(event.type, at, event.data),
      at,
    ],
  );
  return rows.length;
}

/** Queues a `webhook.test` event for one endpoint; returns its delivery id, or null if none. */
export async function publishTestWebhookEvent(
  tx: TenantTransaction,
  endpointId: string,
  options: PublishOptions = {},
): Promise<string | null> {
  const at = options.now ?? new Date();
  const data = { message: 'A test delivery from Candor.' };
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO webhook_delivery (consultancy_id, endpoint_id, event_id, event_type,
       payload, next_attempt_at, created_at)
     SELECT e.consultancy_id, e.id, $3, $4, $5::jsonb, $6, $6
     FROM webhook_endpoint e WHERE e.consultancy_id = $1 AND e.id = $2
     RETURNING id`,
    [
      tx.consultancyId,
      endpointId,
      newWebhookEventId(),
      WEBHOOK_TEST_EVENT,
      envelope(WEBHOOK_TEST_EVENT, at, data),
      at,
    ],
  );
  return row?.id ?? null;
}
