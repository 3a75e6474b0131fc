import type { MetricId, StoreReport } from '@candor/scoring';

type Metrics = StoreReport['metrics'];

/** One "CRM says vs reality" pair: what the CRM reports beside what the evidence shows. */
export interface CrmRealityPair {
  key: 'firstResponseMedianMin' | 'callsLogged' | 'contactTasksCompleted' | 'clockStops';
  /** What the CRM shows (minutes or a count); null without data. */
  crm: number | null;
  /** What really happened, in the same unit. */
  reality: number | null;
  unit: 'minutes' | 'count';
  /** The metrics the pair is read from. */
  crmMetricId: MetricId;
  realityMetricId: MetricId;
}

const count = (rate: number | null, n: number) => (rate === null ? null : Math.round(rate * n));

/**
 * The pairs a consultant shows a dealer first, read from a report's metrics: the median first
 * response the CRM reports vs the true one, calls logged vs calls on the phone system, contact
 * tasks completed vs those backed by a real contact, clock stops the CRM shows (none) vs found.
 */
export function crmVersusReality(metrics: Metrics): CrmRealityPair[] {
  const calls = metrics['calls.verificationRate'];
  const tasks = metrics['tasks.uncorroboratedRate'];
  const stops = metrics['clockStop.rate'];
  return [
    {
      key: 'firstResponseMedianMin',
      crm: metrics['response.crmMedianMin'].value,
      reality: metrics['response.trueMedianMin'].value,
      unit: 'minutes',
      crmMetricId: 'response.crmMedianMin',
      realityMetricId: 'response.trueMedianMin',
    },
    {
      key: 'callsLogged',
      crm: calls.n,
      reality: count(calls.value, calls.n),
      unit: 'count',
      crmMetricId: 'calls.verificationRate',
      realityMetricId: 'calls.verificationRate',
    },
    {
      key: 'contactTasksCompleted',
      crm: tasks.n,
      reality: tasks.value === null ? null : Math.round((1 - tasks.value) * tasks.n),
      unit: 'count',
      crmMetricId: 'tasks.uncorroboratedRate',
      realityMetricId: 'tasks.uncorroboratedRate',
    },
    {
      key: 'clockStops',
      crm: stops.n > 0 ? 0 : null,
      reality: count(stops.value, stops.n),
      unit: 'count',
      crmMetricId: 'clockStop.rate',
      realityMetricId: 'clockStop.rate',
    },
  ];
}

/**
 * The `count` items with the lowest subscores below 100, ties in the order given: what to
 * coach first (items are metrics in report order, as ids or as API values).
 */
export function lowestSubscores<T extends { subscore: number | null }>(
  items: readonly T[],
  count: number,
): T[] {
  return items
    .map((item, order) => ({ item, order, s: item.subscore }))
    .filter((m): m is { item: T; order: number; s: number } => m.s !== null && m.s < 100)
    .sort((a, b) => a.s - b.s || a.order - b.order)
    .slice(0, count)
    .map((m) => m.item);
}

/** The `count` graded metrics with the lowest subscores (below 100): what to coach first. */
export function worstMetrics(metrics: Metrics, count: number): MetricId[] {
  const ids = Object.keys(metrics) as MetricId[];
  return lowestSubscores(
    ids.map((id) => ({ id, subscore: metrics[id].subscore })),
    count,
  ).map((m) => m.id);
}
