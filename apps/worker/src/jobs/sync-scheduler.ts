import type { DataSource } from 'typeorm';
import { findDueSyncs } from '@candor/connectors-data-access';
import { type JobQueue, QUEUES, type RetryPolicy } from '@candor/platform-queue';
import type { ConnectorSyncData } from './job-data';

/**
 * Queues a `connector.sync` for every enabled connector whose interval has elapsed. Every worker
 * replica may tick: the queue is `stately` keyed by connector, so a connector already waiting is
 * not queued twice, and it stops being due once its sync starts.
 */
export class SyncScheduler {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly retry?: RetryPolicy,
  ) {}

  /** One pass; returns the connectors whose sync was newly queued. */
  async tick(): Promise<string[]> {
    const queued: string[] = [];
    for (const due of await findDueSyncs(this.ds)) {
      const data: ConnectorSyncData = {
        consultancyId: due.consultancyId,
        connectorId: due.connectorId,
      };
      const id = await this.queue.send(QUEUES.connectorSync, data, {
        singletonKey: due.connectorId,
        ...(this.retry ? { retry: this.retry } : {}),
      });
      if (id) queued.push(due.connectorId);
    }
    return queued;
  }
}
