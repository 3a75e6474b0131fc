import type { DataSource } from 'typeorm';
import { type EvidenceRecord, storeIdOf } from '@candor/evidence-domain';
import type { RejectedLine } from '@candor/evidence-reader';
import { runInTenant, type TenantScope } from '@candor/platform-database';
import { lockStoreForWrite, writeEvidence } from '../repositories/evidence-write.repository';
import { type ImportRun, recordBatch } from '../repositories/import-run.repository';
import { PayloadPacker } from '../repositories/raw-payload.repository';
import type { StoreRef } from '../repositories/store-ref.repository';
import { StageBuffer } from '../sql/stage-buffer';

/**
 * Batches the reader may have ready ahead of the database (the one being committed included).
 * The reader's and the database's time per batch are about equal and both vary (GC, the other
 * core's load), so with one, each side kept waiting for the other: bench:ingest measured 0.38
 * and 0.40 of raw COPY with one, 0.47 twice with three (A/B in the same hour). Each costs ~10 MB.
 */
const QUEUED_BATCHES = 3;

interface Batch {
  records: StageBuffer;
  foreign: RejectedLine[];
  lastLine: number;
  archive: PayloadPacker;
}

function newBatch(): Batch {
  return { records: new StageBuffer(), foreign: [], lastLine: 0, archive: new PayloadPacker() };
}

/**
 * Collects the records of a streaming import and commits them in batches. Each batch is one
 * tenant transaction: evidence upserted, the bytes received since the last batch archived, and
 * the run's progress (last committed line, archived byte count, counts) updated, so a killed
 * import resumes exactly where its last commit left it. Batches are committed one after
 * another, in input order, while the reader parses the next ones (the database and the parser
 * work at the same time); up to QUEUED_BATCHES wait or are being written.
 */
export class BatchCommitter {
  private pending: Batch = newBatch();
  /** Batches queued or being committed, oldest first. */
  private readonly queued: Promise<void>[] = [];
  private failure: unknown = null;
  private bytesArchived: number;
  private payloadChunks: number;
  private linesCommitted: number;
  private readonly resumeAfter: number;
  /** Offset in the input of the next byte handed to `received`. */
  private offset = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly scope: TenantScope,
    private readonly store: StoreRef,
    private readonly run: ImportRun,
    private readonly contentType: string,
    private readonly batchLines: number,
    private readonly onCommit?: (linesCommitted: number) => void,
  ) {
    this.bytesArchived = run.bytesArchived;
    this.payloadChunks = run.payloadChunks;
    this.linesCommitted = run.linesCommitted;
    this.resumeAfter = run.linesCommitted;
  }

  /** Bytes as received; those an earlier attempt archived already are not archived again. */
  received(chunk: Buffer): void {
    const end = this.offset + chunk.length;
    if (end > this.bytesArchived) {
      const skip = Math.max(0, this.bytesArchived - this.offset);
      this.pending.archive.add(skip === 0 ? chunk : chunk.subarray(skip));
    }
    this.offset = end;
  }

  /** An accepted record from the reader (input order). Lines committed earlier are skipped. */
  record(record: EvidenceRecord): void {
    if (record.line <= this.resumeAfter) return;
    const storeId = storeIdOf(record);
    if (storeId !== this.store.externalId) {
      this.pending.foreign.push({
        line: record.line,
        field: record.type === 'store' ? 'id' : 'storeId',
        reason: `is store "${storeId.slice(0, 60)}"; this import is for store "${this.store.externalId}"`,
      });
    } else {
      // Turned into COPY text now, while the previous batch is being written.
      this.pending.records.add(record);
    }
    this.pending.lastLine = record.line;
  }

  get full(): boolean {
    return this.pending.records.size + this.pending.foreign.length >= this.batchLines;
  }

  /**
   * Queues what is pending for commit, after the batches queued before it; waits first while
   * QUEUED_BATCHES are queued already (backpressure).
   */
  async flush(): Promise<void> {
    while (this.queued.length >= QUEUED_BATCHES) await this.queued[0];
    this.throwIfFailed();
    const batch = this.pending;
    this.pending = newBatch();
    const done = this.last
      .then(() => (this.failure === null ? this.commit(batch) : undefined))
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        void this.queued.splice(this.queued.indexOf(done), 1);
      });
    this.queued.push(done);
  }

  /** Commits everything still pending; after this the run's progress covers the whole input. */
  async finish(): Promise<void> {
    await this.flush();
    await this.last;
    this.throwIfFailed();
  }

  /** Waits for the batches queued (the import is being abandoned: nothing more is queued). */
  async settle(): Promise<void> {
    await this.last;
  }

  /** The newest batch queued (each waits for the one before), or nothing. */
  private get last(): Promise<void> {
    return this.queued.at(-1) ?? Promise.resolve();
  }

  /** Why a batch failed, if one did. */
  get error(): unknown {
    return this.failure;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  private async commit(batch: Batch): Promise<void> {
    const packed = await batch.archive.pack();
    const lastLine = Math.max(batch.lastLine, this.linesCommitted);
    await runInTenant(this.ds, this.scope, async (tx) => {
      // A crash may lose the last batches committed this way, but the run's progress is in the
      // same transactions, so a rerun redoes exactly those; the run's final commit is durable
      // and flushes everything before it.
      await tx.query(`SET LOCAL synchronous_commit = off`);
      await lockStoreForWrite(tx, this.store.id);
      const counts = await writeEvidence(
        tx,
        { storeId: this.store.id, source: this.run.source, importRunId: this.run.id },
        batch.records,
      );
      await recordBatch(
        tx,
        this.run.id,
        {
          linesCommitted: lastLine,
          bytesArchived: this.bytesArchived + (packed?.byteLength ?? 0),
          payloadChunks: this.payloadChunks + (packed ? 1 : 0),
          accepted: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          foreignLines: batch.foreign.length,
          rejected: batch.foreign,
        },
        packed && {
          meta: {
            storeId: this.store.id,
            kind: 'import',
            importRunId: this.run.id,
            seq: this.payloadChunks,
            contentType: this.contentType,
          },
          packed,
        },
      );
    });
    // Only after the commit: a failed batch leaves the in-memory progress as the database has it.
    this.bytesArchived += packed?.byteLength ?? 0;
    if (packed) this.payloadChunks++;
    this.linesCommitted = lastLine;
    this.onCommit?.(lastLine);
  }
}
