import type {
  AppointmentFact,
  CallFact,
  ClaimFact,
  EmailFact,
  LeadFacts,
  TaskFact,
  TimingCallFact,
} from '../facts/lead-facts.types';
import type { StoreContext } from '../facts/store-context';
import type { MetricId } from '../policy/metric-ids';
import type { Finding, GradeWindow, MetricValue } from '../report/report.types';

/** Raw metric results before grading: value, denominator and an optional wall-clock twin. */
export type RawMetric = Omit<MetricValue, 'subscore'>;

/**
 * What the metrics of one scope (the store, or one agent) are computed over, flattened once per
 * grading run: the window's leads, and the events whose own time falls in the window. Lead
 * tables belong to the lead's agent, event tables to the user who performed the event.
 */
export interface EventTables {
  /** Leads received in [from, to). */
  cohort: LeadFacts[];
  /** Claims made in the window. */
  claims: ClaimFact[];
  /** Genuine outbound calls in the window. */
  calls: CallFact[];
  /** Non-automated outbound customer e-mails in the window. */
  emails: EmailFact[];
  /** Tasks due in [from, min(to, asOf)), by assignee. */
  dueTasks: TaskFact[];
  /** Tasks open past due at asOf, whenever due, by assignee. */
  overdueTasks: TaskFact[];
  /** Graded leads closed in the window, by the user who closed them. */
  closures: LeadFacts[];
  /** Genuine calls after the lead's first local day, in the window. */
  timingCalls: TimingCallFact[];
  /** Appointments starting in the window, by the user who set them. */
  appointments: AppointmentFact[];
  /** Leads with an appointment shown in the window, by the lead's agent. */
  shownLeads: LeadFacts[];
}

/** What a metric function receives: the tables of its scope, and where findings go. */
export interface MetricScope {
  ctx: StoreContext;
  window: GradeWindow;
  tables: EventTables;
  /** The scope's leads of graded kinds (responsiveness, clock stops, persistence). */
  graded: LeadFacts[];
  agentId: string | null;
  set(id: MetricId, metric: RawMetric): void;
  /**
   * Records a finding; null in agent scopes, whose findings are the store's, so metric code
   * skips building them (`s.emit?.(…)`).
   */
  emit: ((finding: Finding) => void) | null;
}

export function createScope(
  ctx: StoreContext,
  window: GradeWindow,
  tables: EventTables,
  agentId: string | null,
  out: Map<MetricId, RawMetric>,
  findings: Finding[] | null,
): MetricScope {
  return {
    ctx,
    window,
    tables,
    graded: tables.cohort.filter((l) => l.graded),
    agentId,
    set: (id, metric) => out.set(id, metric),
    emit: findings ? (finding) => findings.push(finding) : null,
  };
}

/**
 * A finding with a fixed shape (cheap to build by the tens of thousands); an absent lead or user
 * is `undefined`, which JSON output leaves out.
 */
export function finding(
  metricId: MetricId,
  severity: Finding['severity'],
  leadId: string | null,
  userId: string | null,
  eventIds: string[],
  message: string,
): Finding {
  return {
    metricId,
    severity,
    leadId: leadId ?? undefined,
    userId: userId ?? undefined,
    eventIds,
    message,
  };
}

/**
 * Groups items by a key, keeping first-seen order, for findings that report one behaviour on one
 * lead once ("3 customer e-mails from gmail.com") with every event id, rather than once per event.
 */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

export function minutesText(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1).replace(/\.0$/, '')} h`;
  return `${(minutes / 1440).toFixed(1).replace(/\.0$/, '')} days`;
}
