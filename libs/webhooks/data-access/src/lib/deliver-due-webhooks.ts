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

const deliveries = new WebhookDeliveryRepository();

interface PassSettings {
  endpoints: WebhookEndpointRepository;
  now: () => Date;
  fetchFn: typeof fetch;
  timeoutMs: number;
  leaseSeconds: number;
  batchSize: number;
  schedule: WebhookRetrySchedule;
}

/**
 * One pass of the delivery worker: for each tenant with due deliveries, claims a batch (short
 * transaction), sends them concurrently outside any transaction, and records each outcome —
 * delivered on 2xx, otherwise the next attempt by the backoff schedule or `failed` when the
 * attempts are used up. Every replica may run passes at once: claims skip rows others hold.
 * A tenant whose batch cannot be worked (e.g. secrets sealed with another key) does not hold up
 * the others; the pass then throws an AggregateError naming what went wrong.
 */
export async function deliverDueWebhooks(
  ds: DataSource,
  options: DeliverOptions,
): Promise<DeliveryPass> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const settings: PassSettings = {
    endpoints: new WebhookEndpointRepository(options.secrets),
    now,
    fetchFn: options.fetch ?? fetch,
    timeoutMs,
    // Hidden from other claims for longer than a request can take.
    leaseSeconds: Math.ceil(timeoutMs / 1000) + 50,
    batchSize: options.batchSize ?? 50,
    schedule: options.schedule ?? WEBHOOK_RETRY_SCHEDULE,
  };
  const pass: DeliveryPass = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  const tenants =
    options.consultancyIds ?? (await findDueWebhookTenants(ds, now(), options.tenantLimit));
  const errors: unknown[] = [];
  for (const consultancyId of tenants) {
    try {
      await deliverForTenant(ds, consultancyId, settings, pass);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    const reasons = errors.map((e) => (e instanceof Error ? e.message : String(e)));
    throw new AggregateError(errors, `webhook delivery failed for a tenant: ${reasons.join('; ')}`);
  }
  return pass;
}

async function deliverForTenant(
  ds: DataSource,
  consultancyId: string,
  s: PassSettings,
  pass: DeliveryPass,
): Promise<void> {
  const { claimed, targets } = await runInTenant(ds, { consultancyId }, async (tx) => {
    const at = s.now();
    const claimed = await deliveries.claimDue(tx, at, s.batchSize, s.leaseSeconds);
    const ids = [...new Set(claimed.map((c) => c.endpointId))];
    return { claimed, targets: await s.endpoints.signingTargets(tx, ids, at) };
  });

  await Promise.all(
    claimed.map(async (delivery) => {
      const target = targets.get(delivery.endpointId)!;
      // The top level in the documented order (jsonb keeps keys in its own order).
      const { type, timestamp, data } = delivery.payload;
      const body = JSON.stringify({ type, timestamp, data });
      const headers = signWebhook({
        id: delivery.eventId,
        timestamp: s.now(),
        body,
        secrets: target.secrets,
      });
      const result = await postWebhook(s.fetchFn, target.url, headers, body, s.timeoutMs);
      let outcome: AttemptOutcome;
      if (result.ok) {
        outcome = { delivered: true, statusCode: result.statusCode };
      } else {
        const delay = retryDelaySeconds(delivery.attempt, s.schedule);
        outcome = {
          delivered: false,
          statusCode: result.statusCode,
          error: result.error,
          nextAttemptAt: delay === null ? null : new Date(s.now().getTime() + delay * 1000),
        };
      }
      const recorded = await runInTenant(ds, { consultancyId }, (tx) =>
        deliveries.recordAttempt(tx, delivery.id, delivery.attempt, outcome, s.now()),
      );
      if (!recorded) return;
      pass.attempted += 1;
      if (outcome.delivered) pass.delivered += 1;
      else if (outcome.nextAttemptAt) pass.retrying += 1;
      else pass.failed += 1;
    }),
  );
}
