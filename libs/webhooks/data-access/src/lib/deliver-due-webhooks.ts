import type { DataSource } from 'typeorm';
import type { SecretBox } from '@candor/platform-crypto';
import { runInTenant } from '@candor/platform-database';
import {
  retryDelaySeconds,
  signWebhook,
  WEBHOOK_RETRY_SCHEDULE,
  type WebhookRetrySchedule,
} from '@candor/webhooks-domain';
import { findDueWebhookTenants } from './due-webhook-tenants.query';
import { WebhookDeliveryRepository, type AttemptOutcome } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { postWebhook } from './webhook-post';

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export interface DeliverOptions {
  /** Opens the endpoints' signing secrets (CANDOR_SECRETS_KEY). */
  secrets: SecretBox;
  fetch?: typeof fetch;
  /** The clock: tests move it forward instead of waiting for the backoff. */
  now?: () => Date;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Deliveries claimed per tenant per pass. */
  batchSize?: number;
  /** Tenants worked per pass. */
  tenantLimit?: number;
  /** Only these consultancies (all with due deliveries when unset). */
  consultancyIds?: readonly string[];
  schedule?: WebhookRetrySchedule;
}

export interface DeliveryPass {
  attempted: number;
  delivered: number;
  /** Failed this time, with another attempt scheduled. */
  retrying: number;
  /** Failed for good (no attempts left). */
  failed: number;
}

const endpoints = (box: SecretBox) => new WebhookEndpointRepository(box);
const deliveries = new WebhookDeliveryRepository();

/**
 * One pass of the delivery worker: for each tenant with due deliveries, claims a batch (short
 * transaction), sends them concurrently outside any transaction, and records each outcome —
 * delivered on 2xx, otherwise the next attempt by the backoff schedule or `failed` when the
 * attempts are used up. Every replica may run passes at once: claims skip rows others hold.
 */
export async function deliverDueWebhooks(
  ds: DataSource,
  options: DeliverOptions,
): Promise<DeliveryPass> {
  const now = options.now ?? (() => new Date());
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const schedule = options.schedule ?? WEBHOOK_RETRY_SCHEDULE;
  // Hidden from other claims for longer than a request can take.
  const leaseSeconds = Math.ceil(timeoutMs / 1000) + 50;
  const pass: DeliveryPass = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const tenants =
    options.consultancyIds ?? (await findDueWebhookTenants(ds, now(), options.tenantLimit));

  for (const consultancyId of tenants) {
    const { claimed, targets } = await runInTenant(ds, { consultancyId }, async (tx) => {
      const at = now();
      const claimed = await deliveries.claimDue(tx, at, options.batchSize ?? 50, leaseSeconds);
      const ids = [...new Set(claimed.map((c) => c.endpointId))];
      const targets = await endpoints(options.secrets).signingTargets(tx, ids, at);
      return { claimed, targets };
    });

    await Promise.all(
      claimed.map(async (delivery) => {
        const target = targets.get(delivery.endpointId)!;
        // The top level in the documented order (jsonb keeps keys in its own order).
        const { type, timestamp, data } = delivery.payload;
        const body = JSON.stringify({ type, timestamp, data });
        const headers = signWebhook({
          id: delivery.eventId,
          timestamp: now(),
          body,
          secrets: target.secrets,
        });
        const result = await postWebhook(fetchFn, target.url, headers, body, timeoutMs);
        let outcome: AttemptOutcome;
        if (result.ok) {
          outcome = { delivered: true, statusCode: result.statusCode };
        } else {
          const delay = retryDelaySeconds(delivery.attempt, schedule);
          outcome = {
            delivered: false,
            statusCode: result.statusCode,
            error: result.error,
            nextAttemptAt: delay === null ? null : new Date(now().getTime() + delay * 1000),
          };
        }
        const recorded = await runInTenant(ds, { consultancyId }, (tx) =>
          deliveries.recordAttempt(tx, delivery.id, delivery.attempt, outcome, now()),
        );
        if (!recorded) return;
        pass.attempted += 1;
        if (outcome.delivered) pass.delivered += 1;
        else if (outcome.nextAttemptAt) pass.retrying += 1;
        else pass.failed += 1;
      }),
    );
  }
  return pass;
}
