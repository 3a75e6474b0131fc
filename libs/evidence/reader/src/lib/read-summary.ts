import type { EvidenceRecord, RecordType } from '@candor/evidence-domain';

/** One problem with one line: a line failing validation gets one entry per problem. */
export interface RejectedLine {
  /** 1-based line number of the bundle (blank lines count). */
  line: number;
  /** A record field path (`customer.emails[1]`), `type`, `(record)`, `(line)` or `(file)`. */
  field: string;
  reason: string;
}

/** A record whose `(storeId, type, id)` appeared on an earlier line; the first one is kept. */
export interface DuplicateLine {
  line: number;
  firstLine: number;
  type: RecordType;
  storeId: string;
  id: string;
}

export interface ReadSummary {
  /** Lines read (the last line counts even without a final newline). */
  lines: number;
  /** Records passed to onRecord: valid and first of their key. */
  accepted: number;
  /** The first `maxRejectedReported` problems, in line order. */
  rejected: RejectedLine[];
  /** All problems, including those beyond `maxRejectedReported`. */
  rejectedCount: number;
  /** Lines rejected (a line with three problems counts once). */
  rejectedLines: number;
  /** The first `maxDuplicatesReported` duplicates, in line order. */
  duplicates: DuplicateLine[];
  /** All duplicate lines. */
  duplicateCount: number;
  /** Empty or whitespace-only lines. */
  blank: number;
  /** Bytes read from the input as stored (compressed bytes for gzip). */
  bytes: number;
  /** Whether the input was gzip-compressed (detected from its first bytes). */
  gzip: boolean;
}

export interface ReadProgress {
  lines: number;
  bytes: number;
}

export interface ReadOptions {
  /** Called with each accepted record, in input order, as soon as its line is read. */
  onRecord?: (record: EvidenceRecord) => void;
  /** Called after each chunk of input (about every MiB) with the totals so far. */
  onProgress?: (progress: ReadProgress) => void;
  /** Longest accepted line in bytes, without its line break. Default 1 MiB. */
  maxLineBytes?: number;
  /** Cap on `rejected` (counts stay exact). Default 10,000. */
  maxRejectedReported?: number;
  /** Cap on `duplicates` (counts stay exact). Default 10,000. */
  maxDuplicatesReported?: number;
}
