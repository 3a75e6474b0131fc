import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { runInTenant } from '@candor/platform-database';
import { CandorException } from '@candor/shared-errors';
import { findImportRun } from '../repositories/import-run.repository';
import { payloadChunks } from '../repositories/raw-payload.repository';
import { importBundle } from './bundle-import';
import { type ImportReport, reportOf } from './import-report';

export interface ImportJob {
  consultancyId: string;
  storeId: string;
  importRunId: string;
}

/**
 * What the background worker calls to (re)run an import by its run id: a file import continues
 * from its file (after the last committed line; the file must still have the same bytes), any
 * other run is re-parsed from its archived raw payload. A finished run just reports.
 */
export async function runImportJob(ds: DataSource, job: ImportJob): Promise<ImportReport> {
  const scope = { consultancyId: job.consultancyId };
  const run = await runInTenant(ds, scope, (tx) => findImportRun(tx, job.importRunId));
  if (!run || run.storeId !== job.storeId) throw CandorException.notFound('Import run');
  if (run.status !== 'running') return reportOf(run);
  if (run.filePath && existsSync(run.filePath)) {
    return importBundle(ds, scope, {
      store: run.storeId,
      source: run.source,
      input: { kind: 'file', path: run.filePath },
    });
  }
  return importBundle(ds, scope, {
    store: run.storeId,
    source: run.source,
    input: { kind: 'archive', runId: run.id, chunks: payloadChunks(ds, scope, run.id) },
  });
}
