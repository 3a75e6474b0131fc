import type { DataSource } from 'typeorm';
import { type EvidenceRecord, recordKey, storeIdOf } from '@candor/evidence-domain';
import type { RejectedLine } from '@candor/evidence-reader';
import { runInTenant, type TenantScope } from '@candor/platform-database';
import { CandorException } from '@candor/shared-errors';
import { lockStoreForWrite, writeEvidence } from '../repositories/evidence-write.repository';
import {
  completeImportRun,
  createImportRun,
  recordBatch,
} from '../repositories/import-run.repository';
import { insertPayload, packPayload } from '../repositories/raw-payload.repository';
import { findStoreRef } from '../repositories/store-ref.repository';
import { StageBuffer } from '../sql/stage-buffer';
import { checkSource } from './bundle-import';
import { type ImportReport, reportOf } from './import-report';

export interface RecordsImport {
  /** Candor's store id or the store's external id. */
  store: string;
  /** The system the records came from (a connector's kind: `adf`, `twilio`, …). */
  source: string;
  kind: 'webhook' | 'sync';
  /** Validated records (validateRecord or a connector's parser); `line` numbers the payload. */
  records: readonly EvidenceRecord[];
  /** The exact bytes received, archived with the records so they can be re-parsed. */
  rawPayload: { bytes: Buffer; contentType: string };
  /** Problems the caller's parser found in the payload, reported with the run. */
  rejected?: readonly RejectedLine[];
}

/**
 * For connector endpoints and sync jobs: archives one received payload and upserts the records
 * parsed from it, in one tenant transaction, as a completed import run. Records of another store
 * are rejected; a record repeated within the payload counts as a duplicate (the first is kept).
 */
export async function importRecords(
  ds: DataSource,
  scope: TenantScope,
  input: RecordsImport,
): Promise<ImportReport> {
  const source = checkSource(input.source);
  const packed = await packPayload(input.rawPayload.bytes);
  return runInTenant(ds, scope, async (tx) => {
    const store = await findStoreRef(tx, input.store);
    if (!store) throw CandorException.notFound(`Store ${input.store.slice(0, 100)}`);
    await lockStoreForWrite(tx, store.id);
    const run = await createImportRun(tx, { storeId: store.id, source, kind: input.kind });
    const seen = new Set<string>();
    const keep: EvidenceRecord[] = [];
    const foreign: RejectedLine[] = [];
    let repeated = 0;
    for (const record of input.records) {
      const storeId = storeIdOf(record);
      if (storeId !== store.externalId) {
        foreign.push({
          line: record.line,
          field: record.type === 'store' ? 'id' : 'storeId',
          reason: `is store "${storeId.slice(0, 60)}"; this import is for store "${store.externalId}"`,
        });
      } else if (seen.has(recordKey(record))) {
        repeated++;
      } else {
        seen.add(recordKey(record));
        keep.push(record);
      }
    }
    const counts = await writeEvidence(
      tx,
      { storeId: store.id, source, importRunId: run.id },
      StageBuffer.of(keep),
    );
    const meta = {
      storeId: store.id,
      kind: input.kind,
      importRunId: run.id,
      seq: 0,
      contentType: input.rawPayload.contentType,
    };
    await insertPayload(tx, meta, packed);
    const parserRejected = input.rejected ?? [];
    const rejectedLines = new Set(parserRejected.map((r) => r.line)).size;
    await recordBatch(tx, run.id, {
      linesCommitted: 0,
      bytesArchived: packed.byteLength,
      payloadChunks: 1,
      accepted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      foreignLines: foreign.length,
      rejected: foreign,
    });
    const done = await completeImportRun(tx, run.id, {
      lines: input.records.length + rejectedLines,
      fileDuplicates: repeated,
      rejectedLines,
      blank: 0,
      rejected: [...parserRejected],
    });
    return reportOf(done);
  });
}
