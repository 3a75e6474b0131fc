import { encodeId, encodeKeyId } from '@candor/platform-graphql';
import type { StoredFinding, StoredReport } from '@candor/reports-data-access';
import { crmVersusReality, worstMetrics } from '@candor/reports-domain';
import {
  type AgentReport,
  CATEGORIES,
  METRIC_CATEGORY,
  METRIC_IDS,
  type MetricId,
  type Policy,
  type StoreReport,
} from '@candor/scoring';
import type { CategoryScore, Coverage, Grade, MetricValue } from './models/grade.model';
import type { Finding, FindingSeverity } from './models/finding.model';
import type { PeriodGranularity, ReportPeriod } from './models/period.model';
import type { AgentScorecard, StoreScorecard } from './models/scorecard.model';

export const STORE_ID_TYPE = 'Store';
export const REPORT_ID_TYPE = 'StoreScorecard';
export const AGENT_ID_TYPE = 'Agent';
export const LEAD_ID_TYPE = 'Lead';
export const FINDING_ID_TYPE = 'Finding';

type Metrics = StoreReport['metrics'];
type Categories = StoreReport['categories'];

const LETTERS = [
  [90, 'A'],
  [80, 'B'],
  [70, 'C'],
  [60, 'D'],
] as const;

function letterOf(score: number | null): string | null {
  if (score === null) return null;
  return LETTERS.find(([min]) => score >= min)?.[1] ?? 'F';
}

export function toGrade(grade: { score: number | null; letter?: string | null }): Grade {
  return { score: grade.score, letter: grade.letter ?? letterOf(grade.score) };
}

export function toMetric(id: MetricId, metrics: Metrics, policy: Policy | null): MetricValue {
  const m = metrics[id];
  const grading = policy?.grading[id] ?? null;
  return {
    metricId: id,
    category: METRIC_CATEGORY[id],
    value: m.value,
    n: m.n,
    subscore: m.subscore,
    wallClockValue: m.wallClockValue ?? null,
    target: grading?.target ?? null,
    floor: grading?.floor ?? null,
  };
}

function categoriesOf(
  categories: Categories,
  metrics: Metrics,
  policy: Policy | null,
): CategoryScore[] {
  return CATEGORIES.map((category) => ({
    category,
    grade: toGrade(categories[category]),
    metrics: METRIC_IDS.filter((id) => METRIC_CATEGORY[id] === category).map((id) =>
      toMetric(id, metrics, policy),
    ),
  }));
}

export function toPeriod(
  report: Pick<StoredReport, 'granularity' | 'label' | 'periodStart' | 'periodEnd' | 'asOf'>,
): ReportPeriod {
  return {
    granularity: report.granularity as PeriodGranularity,
    label: report.label,
    start: report.periodStart,
    end: report.periodEnd,
    asOf: report.asOf,
    final: report.asOf.getTime() >= report.periodEnd.getTime(),
  };
}

/** Agents best first (unscored last, then by id): the leaderboard order. */
function ranked(agents: readonly AgentReport[]): AgentReport[] {
  return [...agents].sort(
    (a, b) => (b.overall.score ?? -1) - (a.overall.score ?? -1) || (a.userId < b.userId ? -1 : 1),
  );
}

function toAgent(
  storeId: string,
  agent: AgentReport,
  rank: number,
  policy: Policy | null,
): AgentScorecard {
  return {
    id: encodeKeyId(AGENT_ID_TYPE, [storeId, agent.userId]),
    userId: agent.userId,
    name: agent.name,
    rank,
    overall: toGrade(agent.overall),
    categories: categoriesOf(agent.categories, agent.metrics, policy),
    metrics: METRIC_IDS.map((id) => toMetric(id, agent.metrics, policy)),
    worstMetricIds: worstMetrics(agent.metrics, 3),
  };
}

/**
 * A stored report as the API shows it. `ownUserIds` (a dealer agent's CRM ids at the store)
 * narrows it to their own work: their own agent scores stand in for the store's, and only they
 * appear in the leaderboard. `ownFindingCount` is then the number of their findings.
 */
export function toScorecard(
  report: StoredReport,
  storeName: string,
  policy: Policy | null,
  own: { userIds: readonly string[]; findingCount: number } | null,
): StoreScorecard {
  const usable = policy && policy.version === report.policyVersion ? policy : null;
  const leaderboard = ranked(report.body.agents).map((a, i) =>
    toAgent(report.storeId, a, i + 1, usable),
  );
  const mine = own ? report.body.agents.find((a) => own.userIds.includes(a.userId)) : undefined;
  const scores: { overall: Grade; categories: Categories; metrics: Metrics } = own
    ? mine
      ? { overall: mine.overall, categories: mine.categories, metrics: mine.metrics }
      : emptyScores()
    : {
        overall: report.body.overall,
        categories: report.body.categories,
        metrics: report.body.metrics,
      };
  const coverage: Coverage = {
    sources: report.body.coverage.sources,
    computable: METRIC_IDS.filter((id) => scores.metrics[id].value !== null).length,
    total: report.body.coverage.total,
    missingSources: Object.entries(report.body.coverage.missingSources).map(
      ([metricId, sources]) => ({
        metricId,
        sources: sources ?? [],
      }),
    ),
  };
  return {
    id: encodeId(REPORT_ID_TYPE, report.id),
    storeId: encodeId(STORE_ID_TYPE, report.storeId),
    storeName,
    period: toPeriod(report),
    policyVersion: report.policyVersion,
    overall: toGrade(scores.overall),
    categories: categoriesOf(scores.categories, scores.metrics, usable),
    metrics: METRIC_IDS.map((id) => toMetric(id, scores.metrics, usable)),
    crmVersusReality: crmVersusReality(scores.metrics),
    coverage,
    findingCount: own ? own.findingCount : report.findingCount,
    computedAt: report.computedAt,
    stale: report.stale,
    agentList: own ? leaderboard.filter((a) => own.userIds.includes(a.userId)) : leaderboard,
  };
}

/** An agent without work in the period: every metric without data. */
function emptyScores(): { overall: Grade; categories: Categories; metrics: Metrics } {
  const metrics = Object.fromEntries(
    METRIC_IDS.map((id) => [id, { value: null, n: 0, subscore: null }]),
  ) as unknown as Metrics;
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, { score: null }])) as Categories;
  return { overall: { score: null, letter: null }, categories, metrics };
}

export function toFinding(f: StoredFinding, periodLabel: string): Finding {
  return {
    id: encodeKeyId(FINDING_ID_TYPE, [f.reportId, f.key]),
    metricId: f.metricId,
    severity: f.severity as FindingSeverity,
    message: f.message,
    eventIds: f.eventIds,
    leadId: f.leadId ?? null,
    leadGlobalId: f.leadId ? encodeKeyId(LEAD_ID_TYPE, [f.storeId, f.leadId]) : null,
    userId: f.userId ?? null,
    agentId: f.userId ? encodeKeyId(AGENT_ID_TYPE, [f.storeId, f.userId]) : null,
    storeId: encodeId(STORE_ID_TYPE, f.storeId),
    periodLabel,
    firstSeenAt: f.firstSeenAt,
  };
}
