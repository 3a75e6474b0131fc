import type { DataSource } from 'typeorm';
import { runInTenant, type TenantTransaction } from '@candor/platform-database';
import type { JobInfo, JobRegistration } from '@candor/platform-queue';
import { type PolicyProvider, refreshStore, type StoreRefresh } from '@candor/reports-data-access';
import type { ReportsRefreshData } from './job-data';

/** Told, inside the refresh's transaction, what a refresh changed (outbound webhooks). */
export type RefreshListener = (tx: TenantTransaction, refresh: StoreRefresh) => Promise<void>;

export interface ReportsRefreshDeps {
  ds: DataSource;
  policyFor: PolicyProvider;
  runningMinutes?: number;
  onRefreshed?: RefreshListener;
  now?: () => number;
}

/**
 * `reports.refresh`: grades again whatever of one store's reports is out of date, in its tenant.
 * The queue is stately per store, so one store is never refreshed twice at once.
 */
export class ReportsRefreshJob implements JobRegistration<ReportsRefreshData> {
  constructor(private readonly deps: ReportsRefreshDeps) {}

  async handle(job: JobInfo<ReportsRefreshData>): Promise<void> {
    const { ds, policyFor, runningMinutes, onRefreshed } = this.deps;
    const now = this.deps.now?.() ?? Date.now();
    await runInTenant(ds, job.data, async (tx) => {
      const refresh = await refreshStore(tx, job.data.storeId, {
        now,
        policyFor,
        ...(runningMinutes === undefined ? {} : { runningMinutes }),
      });
      if (onRefreshed && refresh.saved.length > 0) await onRefreshed(tx, refresh);
    });
  }
}
