import type { DataSource } from 'typeorm';
import { runImportJob } from '@candor/evidence-data-access';
import type { JobInfo, JobRegistration } from '@candor/platform-queue';
import type { EvidenceImportData } from './job-data';

/**
 * `evidence.import`: carries an import run to its end in the background: a file import resumes
 * after its last committed line, an upload is re-read from its archived raw payload. Safe to run
 * again: every batch commits with the run's progress, so no line is imported twice.
 */
export class EvidenceImportJob implements JobRegistration<EvidenceImportData> {
  constructor(private readonly ds: DataSource) {}

  async handle(job: JobInfo<EvidenceImportData>): Promise<void> {
    await runImportJob(this.ds, {
      consultancyId: job.data.consultancyId,
      storeId: job.data.storeId,
      importRunId: job.data.importRunId,
    });
  }
}
