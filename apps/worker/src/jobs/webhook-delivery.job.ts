import type { DataSource } from 'typeorm';
import {
  deliverDueWebhooks,
  type DeliverOptions,
  type DeliveryPass,
} from '@candor/webhooks-data-access';

/**
 * `webhooks.deliver`: a pass, every few seconds (a PeriodicTick in worker.ts), that sends due
 * webhook deliveries. The delivery log itself is the queue (pending rows with their next attempt
 * time, claimed with SKIP LOCKED), so there is no job per delivery: every replica may run the
 * loop, and a delivery whose worker died is claimed again once its lease runs out.
 */
export class WebhookDeliveryJob {
  static readonly NAME = 'webhooks.deliver';

  constructor(
    private readonly ds: DataSource,
    private readonly options: DeliverOptions,
  ) {}

  /** One pass (the loop calls it; tests call it directly). */
  tick(): Promise<DeliveryPass> {
    return deliverDueWebhooks(this.ds, this.options);
  }
}
