import type { RejectedLine } from '@candor/evidence-reader';
import type { ImportRun, ImportRunStatus } from '../repositories/import-run.repository';

/**
 * What an import did, line by line: every line of the input is exactly one of accepted (a new
 * record), updated (a known record whose content changed), duplicate (already stored unchanged,
 * or repeated within the input), rejected or blank.
 */
export interface ImportReport {
  runId: string;
  storeId: string;
  status: ImportRunStatus;
  /** Lines an earlier, interrupted attempt had already committed (0 for a fresh import). */
  resumedAfterLine: number;
  lines: number;
  accepted: number;
  updated: number;
  duplicate: number;
  rejected: number;
  blank: number;
  /** The first rejected lines (one entry per problem), in line order. */
  rejections: RejectedLine[];
}

export function reportOf(run: ImportRun, resumedAfterLine = 0): ImportReport {
  return {
    runId: run.id,
    storeId: run.storeId,
    status: run.status,
    resumedAfterLine,
    lines: run.lines,
    accepted: run.accepted,
    updated: run.updated,
    duplicate: run.unchanged + run.fileDuplicates,
    rejected: run.rejectedLines,
    blank: run.blank,
    rejections: run.rejected,
  };
}
