import {
  CATEGORIES,
  type Category,
  METRIC_CATEGORY,
  METRIC_IDS,
  type MetricId,
} from '../policy/metric-ids';
import type { MetricGrading, Policy } from '../policy/policy';
import type { Grade, MetricValue } from './report.types';
import type { RawMetric } from '../metrics/metric-scope';

/** §3: clamp((v − floor)/(target − floor), 0, 1) × 100; floor/target carry the direction. */
export function subscore(value: number | null, grading: MetricGrading | null): number | null {
  if (value === null || grading === null) return null;
  const v = grading.absolute ? Math.abs(value) : value;
  const t = (v - grading.floor) / (grading.target - grading.floor);
  return Math.min(1, Math.max(0, t)) * 100;
}

export function letterFor(score: number | null): Grade['letter'] {
  if (score === null) return null;
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 70) return 'C';
  if (score >= 60) return 'D';
  return 'F';
}

function weightedMean(items: { value: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    if (value === null || weight <= 0) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights === 0 ? null : sum / weights;
}

export interface GradedMetrics {
  metrics: Record<MetricId, MetricValue>;
  categories: Record<Category, { score: number | null }>;
  overall: Grade;
}

/**
 * Turns raw metrics into the graded shape of §5: subscores per metric, category scores as the
 * weighted mean of their metrics' subscores, overall as the weighted mean of categories. Metrics
 * and categories without a value drop out and the weights renormalize.
 */
export function gradeMetrics(raw: ReadonlyMap<MetricId, RawMetric>, policy: Policy): GradedMetrics {
  const metrics = {} as Record<MetricId, MetricValue>;
  for (const id of METRIC_IDS) {
    const r = raw.get(id) ?? { value: null, n: 0 };
    const value: MetricValue = {
      value: r.value,
      n: r.n,
      subscore: subscore(r.value, policy.grading[id]),
    };
    if (r.wallClockValue !== undefined) value.wallClockValue = r.wallClockValue;
    metrics[id] = value;
  }
  const categories = {} as Record<Category, { score: number | null }>;
  for (const category of CATEGORIES) {
    const members = METRIC_IDS.filter(
      (id) => METRIC_CATEGORY[id] === category && policy.grading[id],
    );
    categories[category] = {
      score: weightedMean(
        members.map((id) => ({ value: metrics[id].subscore, weight: policy.grading[id]!.weight })),
      ),
    };
  }
  const score = weightedMean(
    CATEGORIES.map((c) => ({ value: categories[c].score, weight: policy.categoryWeights[c] })),
  );
  return { metrics, categories, overall: { score, letter: letterFor(score) } };
}
