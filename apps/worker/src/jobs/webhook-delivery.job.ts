import type { DataSource } from 'typeorm';
import {
  deliverDueWebhooks,
  type DeliverOptions,
  type DeliveryPass,
} from '@candor/webhooks-data-access';

/**
 * `webhooks.deliver`: a pass every few seconds that sends due webhook deliveries. The delivery
 * log itself is the queue (pending rows with their next attempt time, claimed with SKIP
 * LOCKED), so there is no job per delivery: every replica may run the loop, and a delivery
 * whose worker died is claimed again once its lease runs out.
 */
export class WebhookDeliveryJob {
  static readonly NAME = 'webhooks.deliver';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DeliveryPass> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly options: DeliverOptions,
  ) {}

  /** One pass (tests call it directly). */
  tick(): Promise<DeliveryPass> {
    return deliverDueWebhooks(this.ds, this.options);
  }

  start(everyMs: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => {
      // A slow receiver must not stack passes on top of each other.
      if (this.running) return;
      this.running = this.tick();
      this.running.catch(onError).finally(() => (this.running = null));
    }, everyMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }
}
