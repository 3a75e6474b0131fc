import { isUtf8 } from 'node:buffer';
import type { EvidenceRecord } from '@candor/evidence-domain';
import { storeIdOf, validateRecord } from '@candor/evidence-domain';
import { FirstLines } from './first-lines';
import type { LineSink } from './line-splitter';
import type { DuplicateLine, ReadSummary, RejectedLine } from './read-summary';

export interface ParserOptions {
  onRecord?: (record: EvidenceRecord) => void;
  maxLineBytes: number;
  maxRejectedReported: number;
  maxDuplicatesReported: number;
}

/** Bytes that make a line blank when nothing else is on it. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

function hasBom(bytes: Buffer, start: number, end: number): boolean {
  return (
    end - start >= 3 &&
    bytes[start] === 0xef &&
    bytes[start + 1] === 0xbb &&
    bytes[start + 2] === 0xbf
  );
}

/**
 * Turns lines into records: decodes, parses and validates each, drops duplicates, and keeps
 * the counts and the reports. Every line ends up in exactly one of accepted, rejected,
 * duplicate or blank. Line numbers are 1-based and count every line, blank ones included.
 */
export class BundleParser implements LineSink {
  private readonly summary: ReadSummary = {
    lines: 0,
    accepted: 0,
    rejected: [],
    rejectedCount: 0,
    rejectedLines: 0,
    duplicates: [],
    duplicateCount: 0,
    blank: 0,
    bytes: 0,
    gzip: false,
  };
  /** storeId → type → the first line of each id: the `recordKey` identity, nested because
   * looking up the three parts separately beats building a joined key per line. */
  private readonly seen = new Map<string, Map<string, FirstLines>>();

  constructor(private readonly options: ParserOptions) {}

  line(bytes: Buffer, start: number, end: number): void {
    const line = ++this.summary.lines;
    // A BOM starts the file, or a line when bundles were concatenated.
    const from = hasBom(bytes, start, end) ? start + 3 : start;
    if (isBlank(bytes, from, end)) {
      this.summary.blank++;
      return;
    }
    if (!isUtf8(bytes.subarray(from, end))) {
      this.rejectLine(line, '(line)', 'is not valid UTF-8');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8', from, end));
    } catch (error) {
      this.rejectLine(line, '(line)', `is not valid JSON: ${(error as Error).message}`);
      return;
    }
    const result = validateRecord(value, line);
    if (!result.ok) {
      this.summary.rejectedLines++;
      for (const { field, reason } of result.errors) this.report(line, field, reason);
      return;
    }
    this.accept(result.record, line);
  }

  oversized(length: number): void {
    const line = ++this.summary.lines;
    const limit = this.options.maxLineBytes;
    this.rejectLine(
      line,
      '(line)',
      `is ${length} bytes long; the limit is ${limit} bytes (skipped)`,
    );
  }

  /** A problem with the input as a whole (a damaged gzip stream), reported after its last line. */
  fileProblem(reason: string): void {
    this.report(this.summary.lines + 1, '(file)', reason);
  }

  countBytes(bytes: number): void {
    this.summary.bytes += bytes;
  }

  markGzip(): void {
    this.summary.gzip = true;
  }

  progress(): { lines: number; bytes: number } {
    return { lines: this.summary.lines, bytes: this.summary.bytes };
  }

  result(): ReadSummary {
    return this.summary;
  }

  private accept(record: EvidenceRecord, line: number): void {
    const storeId = storeIdOf(record);
    let byType = this.seen.get(storeId);
    if (!byType) {
      byType = new Map();
      this.seen.set(storeId, byType);
    }
    let ids = byType.get(record.type);
    if (!ids) {
      ids = new FirstLines();
      byType.set(record.type, ids);
    }
    const firstLine = ids.firstLineOrAdd(record.id, line);
    if (firstLine === 0) {
      this.summary.accepted++;
      this.options.onRecord?.(record);
      return;
    }
    this.summary.duplicateCount++;
    if (this.summary.duplicates.length < this.options.maxDuplicatesReported) {
      const duplicate: DuplicateLine = {
        line,
        firstLine,
        type: record.type,
        storeId,
        id: record.id,
      };
      this.summary.duplicates.push(duplicate);
    }
  }

  private rejectLine(line: number, field: string, reason: string): void {
    this.summary.rejectedLines++;
    this.report(line, field, reason);
  }

  private report(line: number, field: string, reason: string): void {
    this.summary.rejectedCount++;
    if (this.summary.rejected.length < this.options.maxRejectedReported) {
      const rejected: RejectedLine = { line, field, reason };
      this.summary.rejected.push(rejected);
    }
  }
}
