import { basename, resolve } from 'node:path';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { readBundle, type ReadProgress } from '@candor/evidence-reader';
import { runInTenant, type TenantScope } from '@candor/platform-database';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import {
  completeImportRun,
  createImportRun,
  failImportRun,
  findImportRun,
  findResumableRun,
  type ImportRun,
} from '../repositories/import-run.repository';
import { findStoreRef, type StoreRef } from '../repositories/store-ref.repository';
import { BatchCommitter } from './batch-committer';
import { type ImportReport, reportOf } from './import-report';
import { fileSha256 } from './input-digest';
import { RunLock } from './run-lock';

export const DEFAULT_SOURCE = 'bundle';
/**
 * Lines per committed batch. Each batch costs a dozen round trips (tenant setup, lock, staging,
 * insert, progress, archive, commit), each waiting for the event loop, which is busy parsing
 * the next batch; on a 1M-line import 25,000 measured ~45,000 lines/s against ~36,000 for
 * 10,000, and 50,000 or 100,000 no faster. A rerun after a crash redoes only what was not
 * committed: the batches queued (see BatchCommitter) and the one being read.
 */
export const DEFAULT_BATCH_LINES = 25_000;
const FEED_BYTES = 64 * 1024;
const SOURCE = /^[a-z0-9][a-z0-9_.:-]{0,99}$/i;

export type BundleInput =
  | { kind: 'file'; path: string }
  | { kind: 'upload'; stream: NodeJS.ReadableStream; fileName?: string | null }
  /** Bytes already archived for `runId` (an upload re-parsed by a background job). */
  | { kind: 'archive'; chunks: AsyncIterable<Buffer>; runId: string };

export interface BundleImportOptions {
  /** Candor's store id or the store's external id (the bundle's `storeId`). */
  store: string;
  input: BundleInput;
  /** The system the records came from; default `bundle`. */
  source?: string;
  /** Stores the caller may see (null: all of the tenant's). */
  visibleStoreIds?: readonly string[] | null;
  createdBy?: string | null;
  batchLines?: number;
  onProgress?: (p: ReadProgress & { committedLines: number }) => void;
  /** Called with the run as soon as it exists (before any batch is committed). */
  onRun?: (run: ImportRun) => void;
}

export function checkSource(source: string): string {
  if (!SOURCE.test(source)) {
    throw new CandorException(
      ErrorCode.BadUserInput,
      `source: "${source.slice(0, 60)}" must be 1–100 letters, digits or . _ : -`,
      [{ field: 'source', message: 'must be 1–100 letters, digits or . _ : -' }],
    );
  }
  return source;
}

async function openRun(
  ds: DataSource,
  scope: TenantScope,
  o: BundleImportOptions,
  source: string,
): Promise<{ store: StoreRef; run: ImportRun }> {
  const sha = o.input.kind === 'file' ? await fileSha256(o.input.path) : null;
  return runInTenant(ds, scope, async (tx) => {
    const store = await findStoreRef(tx, o.store, o.visibleStoreIds ?? null);
    if (!store) throw CandorException.notFound(`Store ${o.store.slice(0, 100)}`);
    if (o.input.kind === 'archive') {
      const run = await findImportRun(tx, o.input.runId);
      if (!run || run.storeId !== store.id) throw CandorException.notFound('Import run');
      return { store, run };
    }
    const resumable = sha ? await findResumableRun(tx, store.id, source, sha) : null;
    if (resumable) return { store, run: resumable };
    const fileName = o.input.kind === 'file' ? basename(o.input.path) : (o.input.fileName ?? null);
    const run = await createImportRun(tx, {
      storeId: store.id,
      source,
      kind: o.input.kind,
      fileName,
      // Absolute, so a background job in another working directory can resume it.
      filePath: o.input.kind === 'file' ? resolve(o.input.path) : null,
      inputSha256: sha,
      createdBy: o.createdBy ?? null,
    });
    return { store, run };
  });
}

function rawChunks(input: BundleInput): AsyncIterable<Buffer> {
  if (input.kind === 'file') return createReadStream(input.path, { highWaterMark: 1 << 20 });
  if (input.kind === 'archive') return input.chunks;
  return input.stream as AsyncIterable<Buffer>;
}

/**
 * Streams a bundle (JSON Lines, plain or gzip) into a store's evidence in batches (COPY into
 * staging, set-based upserts) inside the tenant's transactions, archiving the bytes received.
 * Resumable: rerunning the same file into the same store (same sha256, same source) continues
 * after the last committed line, and the final counts are exact. Bad lines are reported, never
 * thrown; an unreadable input or a database failure marks the run failed and rejects.
 */
export async function importBundle(
  ds: DataSource,
  scope: TenantScope,
  o: BundleImportOptions,
): Promise<ImportReport> {
  const source = checkSource(o.source ?? DEFAULT_SOURCE);
  const { store, run } = await openRun(ds, scope, o, source);
  if (run.status !== 'running') return reportOf(run);
  const lock = await RunLock.acquire(ds, run.id);
  try {
    return await importLocked(ds, scope, o, store, run);
  } finally {
    await lock.release();
  }
}

async function importLocked(
  ds: DataSource,
  scope: TenantScope,
  o: BundleImportOptions,
  store: StoreRef,
  run: ImportRun,
): Promise<ImportReport> {
  o.onRun?.(run);
  let committedLines = run.linesCommitted;
  const committer = new BatchCommitter(
    ds,
    scope,
    store,
    run,
    'application/x-ndjson',
    o.batchLines ?? DEFAULT_BATCH_LINES,
    (line) => (committedLines = line),
  );
  const archiving = o.input.kind !== 'archive';
  async function* fed(): AsyncGenerator<Buffer> {
    for await (const chunk of rawChunks(o.input)) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      // The reader parses each piece in one synchronous run, and pieces reach it as microtasks;
      // small pieces and a macrotask turn between them let the database's answers for the batch
      // being written be handled meanwhile, so parsing and writing really overlap.
      for (let at = 0; at < bytes.length; at += FEED_BYTES) {
        const piece = bytes.subarray(at, Math.min(bytes.length, at + FEED_BYTES));
        await new Promise<void>((resolve) => setImmediate(resolve));
        // Records of the pieces handed over so far are committed before more are read.
        if (committer.full) await committer.flush();
        if (archiving) committer.received(piece);
        yield piece;
      }
    }
  }
  try {
    const summary = await readBundle(Readable.from(fed(), { highWaterMark: 1 }), {
      onRecord: (record) => committer.record(record),
      onProgress: (p) => o.onProgress?.({ lines: p.lines, bytes: p.bytes, committedLines }),
    });
    await committer.finish();
    const done = await runInTenant(ds, scope, (tx) =>
      completeImportRun(tx, run.id, {
        lines: summary.lines,
        fileDuplicates: summary.duplicateCount,
        rejectedLines: summary.rejectedLines,
        blank: summary.blank,
        rejected: summary.rejected,
      }),
    );
    return reportOf(done, run.linesCommitted);
  } catch (error) {
    await committer.settle();
    const cause = committer.error ?? error;
    const message = cause instanceof Error ? cause.message : String(cause);
    // A file import stays resumable (rerunning it continues); a stream cannot be re-read.
    const resumable = o.input.kind === 'file';
    await runInTenant(ds, scope, (tx) => failImportRun(tx, run.id, message, resumable)).catch(
      () => null,
    );
    throw cause;
  }
}
