import type { DataSource } from 'typeorm';
import type { RegradeRequestRepository } from '@candor/connectors-data-access';
import { runInTenant } from '@candor/platform-database';
import type { JobInfo, JobRegistration } from '@candor/platform-queue';
import type { EvidenceRegradeData } from './job-data';

/**
 * `evidence.regrade`: records, inside the job's tenant, that these leads must be graded again.
 * Grading itself is not done here yet: the reports work consumes `lead_regrade_queue`.
 */
export class EvidenceRegradeJob implements JobRegistration<EvidenceRegradeData> {
  constructor(
    private readonly ds: DataSource,
    private readonly requests: RegradeRequestRepository,
  ) {}

  async handle(job: JobInfo<EvidenceRegradeData>): Promise<void> {
    await runInTenant(this.ds, job.data, (tx) =>
      this.requests.request(tx, job.data.storeId, job.data.leadIds),
    );
  }
}
