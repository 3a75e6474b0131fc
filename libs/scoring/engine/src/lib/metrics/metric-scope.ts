import type { LeadFacts } from '../facts/lead-facts.types';
import type { StoreContext } from '../facts/store-context';
import type { MetricId } from '../policy/metric-ids';
import type { Finding, GradeWindow, MetricValue } from '../report/report.types';

/** Raw metric results before grading: value, denominator and an optional wall-clock twin. */
export type RawMetric = Omit<MetricValue, 'subscore'>;

/**
 * What one set of metrics is computed over: the whole store, or one agent. Lead metrics take
 * the window's leads (for an agent: the leads assigned to them); event metrics take events in the
 * window (for an agent: the events they performed).
 */
export interface MetricScope {
  ctx: StoreContext;
  window: GradeWindow;
  /** Every lead of the store, with its facts. */
  allLeads: readonly LeadFacts[];
  /** Leads received in [from, to) (for an agent: assigned to them). */
  cohort: readonly LeadFacts[];
  /** The cohort's leads of graded kinds (responsiveness, clock stops, persistence). */
  graded: readonly LeadFacts[];
  agentId: string | null;
  /** Whether an event performed by `userId` at `at` belongs to this scope. */
  ownsEvent(userId: string | null, at: number): boolean;
  set(id: MetricId, metric: RawMetric): void;
  /** Records a finding (store scope only; agent scopes ignore them). */
  emit(finding: Finding): void;
}

export function createScope(
  ctx: StoreContext,
  window: GradeWindow,
  allLeads: readonly LeadFacts[],
  agentId: string | null,
  out: Map<MetricId, RawMetric>,
  findings: Finding[] | null,
): MetricScope {
  const end = Math.min(window.to, window.asOf);
  const inWindow = (at: number) => at >= window.from && at < end;
  const cohort = allLeads.filter(
    (l) =>
      l.receivedAt >= window.from &&
      l.receivedAt < window.to &&
      (agentId === null || l.assignedTo === agentId),
  );
  return {
    ctx,
    window,
    allLeads,
    cohort,
    graded: cohort.filter((l) => l.graded),
    agentId,
    ownsEvent: (userId, at) => inWindow(at) && (agentId === null || userId === agentId),
    set: (id, metric) => out.set(id, metric),
    emit: (finding) => findings?.push(finding),
  };
}

export function minutesText(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1).replace(/\.0$/, '')} h`;
  return `${(minutes / 1440).toFixed(1).replace(/\.0$/, '')} days`;
}
