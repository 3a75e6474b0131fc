import type { ParseIssue } from '@candor/connectors-core';
import type { ImportReport } from '@candor/evidence-data-access';
import type { RejectedLine } from '@candor/evidence-reader';

/** What a pushed payload's sender is told: what was kept, and each problem precisely. */
export interface IngestAnswer {
  importRunId: string;
  accepted: number;
  updated: number;
  duplicate: number;
  rejected: number;
  /** Each problem: `reason` starts with where in the payload it is (e.g. "prospect 2: …"). */
  problems: { field: string; reason: string }[];
}

/** Parser issues as import-run rejections, numbered in payload order, located in the reason. */
export function rejectionsOf(issues: readonly ParseIssue[]): RejectedLine[] {
  return issues.map((issue, i) => ({
    line: i + 1,
    field: issue.field ?? '(document)',
    reason: `${issue.location}: ${issue.reason}`,
  }));
}

export function answerOf(report: ImportReport): IngestAnswer {
  return {
    importRunId: report.runId,
    accepted: report.accepted,
    updated: report.updated,
    duplicate: report.duplicate,
    rejected: report.rejected,
    problems: report.rejections.map((r) => ({ field: r.field, reason: r.reason })),
  };
}
