import type { StoreEvidence } from '@candor/evidence-domain';
import { gradeStore } from './grade-store';
import { DEFAULT_POLICY } from './policy/default-policy';
import type { Policy } from './policy/policy';
import type { GradeWindow, Report } from './report/report.types';

export interface GradeOptions {
  window: GradeWindow;
  policy?: Policy;
  /** Grade only these stores (default: all). */
  storeIds?: readonly string[];
  /** Called after each store, for progress output on large inputs. */
  onStore?: (storeId: string, index: number, total: number) => void;
}

export class GradeWindowError extends Error {}

/**
 * Grades every store of a bundle (§5). Deterministic: the same evidence, policy and window give a
 * byte-identical report whatever the order of the input records.
 */
export function grade(stores: Iterable<StoreEvidence>, options: GradeOptions): Report {
  const policy = options.policy ?? DEFAULT_POLICY;
  const { from, to, asOf } = options.window;
  if (!(from < to)) throw new GradeWindowError('the window must start before it ends (from < to)');
  if (!Number.isFinite(asOf)) throw new GradeWindowError('asOf must be a moment in time');
  const wanted = options.storeIds ? new Set(options.storeIds) : null;
  const selected = [...stores]
    .filter((s) => wanted === null || wanted.has(s.storeId))
    .sort((a, b) => (a.storeId < b.storeId ? -1 : a.storeId > b.storeId ? 1 : 0));
  const reports = selected.map((evidence, i) => {
    const report = gradeStore(evidence, policy, options.window);
    options.onStore?.(evidence.storeId, i + 1, selected.length);
    return report;
  });
  return {
    policyVersion: policy.version,
    window: {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      asOf: new Date(asOf).toISOString(),
    },
    stores: reports,
  };
}
