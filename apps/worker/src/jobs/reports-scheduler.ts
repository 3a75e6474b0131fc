import type { DataSource } from 'typeorm';
import { type JobQueue, QUEUES } from '@candor/platform-queue';
import { findDueRefreshes } from '@candor/reports-data-access';
import type { ReportsRefreshData } from './job-data';

/**
 * Queues a `reports.refresh` for every store with leads waiting to be graded, stale reports or
 * running periods whose report has aged. Every replica may tick: the queue is stately per
 * store, so a store already waiting is not queued twice.
 */
export class ReportsScheduler {
  constructor(
    private readonly ds: DataSource,
    private readonly queue: JobQueue,
    private readonly runningMinutes: number,
  ) {}

  /** One pass; returns the stores whose refresh was newly queued. */
  async tick(): Promise<string[]> {
    const queued: string[] = [];
    for (const due of await findDueRefreshes(this.ds, this.runningMinutes)) {
      const data: ReportsRefreshData = { consultancyId: due.consultancyId, storeId: due.storeId };
      const id = await this.queue.send(QUEUES.reportsRefresh, data, { singletonKey: due.storeId });
      if (id) queued.push(due.storeId);
    }
    return queued;
  }
}
