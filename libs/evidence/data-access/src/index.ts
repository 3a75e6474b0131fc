/**
 * Entities the application's data source must register for this domain. Evidence is written
 * and read with set-based SQL (COPY, upserts), not through entities, so there are none.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const EVIDENCE_ENTITIES: Function[] = [];

export {
  importBundle,
  checkSource,
  DEFAULT_SOURCE,
  DEFAULT_BATCH_LINES,
  type BundleInput,
  type BundleImportOptions,
} from './lib/import/bundle-import';
export { importRecords, type RecordsImport } from './lib/import/import-records';
export { runImportJob, type ImportJob } from './lib/import/import-job';
export { reportOf, type ImportReport } from './lib/import/import-report';
export { fileSha256 } from './lib/import/input-digest';
export {
  loadStoreEvidence,
  type EvidenceWindow,
} from './lib/repositories/evidence-read.repository';
export {
  loadLeadEvidence,
  type StoredLeadEvidence,
} from './lib/repositories/lead-evidence.repository';
export { StageBuffer } from './lib/sql/stage-buffer';
export {
  writeEvidence,
  lockStoreForWrite,
  type WriteCounts,
  type WriteTarget,
} from './lib/repositories/evidence-write.repository';
export {
  findImportRun,
  pageImportRuns,
  MAX_STORED_REJECTIONS,
  type ImportRun,
  type ImportRunKind,
  type ImportRunPage,
  type ImportRunStatus,
} from './lib/repositories/import-run.repository';
export {
  packPayload,
  insertPayload,
  payloadChunks,
  type PackedPayload,
  type PayloadKind,
  type PayloadMeta,
} from './lib/repositories/raw-payload.repository';
export { findStoreRef, type StoreRef } from './lib/repositories/store-ref.repository';
export { EVIDENCE_TABLES } from './lib/sql/evidence-tables';
