import type { EvidenceRecord, StoreEvidence } from '@candor/evidence-domain';
import { addRecord } from '@candor/evidence-domain';
import { decodeBundle } from './bundle-decoder';
import { BundleParser } from './bundle-parser';
import { fileChunks, streamChunks } from './bundle-source';
import { IdInterner } from './id-interner';
import { LineSplitter } from './line-splitter';
import type { ReadOptions, ReadSummary } from './read-summary';

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;
export const DEFAULT_MAX_REPORTED = 10_000;

/**
 * Streams an evidence bundle (JSON Lines, plain or gzip) from a file path or a readable stream
 * (stdin). Accepted records go to `onRecord` in input order, first occurrence only; the promise
 * resolves with the counts and the rejected and duplicate lines. Bad content never throws: it
 * is reported. Only an unreadable input (missing file, I/O error) or a throwing callback rejects.
 */
export async function readBundle(
  input: string | NodeJS.ReadableStream,
  options: ReadOptions = {},
): Promise<ReadSummary> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const parser = new BundleParser({
    onRecord: options.onRecord,
    maxLineBytes,
    maxRejectedReported: options.maxRejectedReported ?? DEFAULT_MAX_REPORTED,
    maxDuplicatesReported: options.maxDuplicatesReported ?? DEFAULT_MAX_REPORTED,
  });
  const splitter = new LineSplitter(parser, maxLineBytes);
  const onProgress = options.onProgress;
  const chunks = typeof input === 'string' ? fileChunks(input) : streamChunks(input);
  const gzipProblem = await decodeBundle(chunks, {
    data: (chunk) => splitter.push(chunk),
    consumed: (bytes) => {
      parser.countBytes(bytes);
      onProgress?.(parser.progress());
    },
    gzip: () => parser.markGzip(),
  });
  splitter.end();
  if (gzipProblem !== null) parser.fileProblem(gzipProblem);
  onProgress?.(parser.progress());
  return parser.result();
}

/** Reads a bundle into per-store evidence (what the scoring engine grades). */
export async function readBundleByStore(
  input: string | NodeJS.ReadableStream,
  options: ReadOptions = {},
): Promise<{ stores: Map<string, StoreEvidence>; summary: ReadSummary }> {
  const stores = new Map<string, StoreEvidence>();
  const onRecord = options.onRecord;
  const interner = new IdInterner();
  const summary = await readBundle(input, {
    ...options,
    onRecord: (record: EvidenceRecord) => {
      addRecord(stores, interner.intern(record));
      onRecord?.(record);
    },
  });
  return { stores, summary };
}
