import type { StoreEvidence } from '@candor/evidence-domain';
import { computeLeadFacts } from './facts/lead-facts';
import type { LeadFacts } from './facts/lead-facts.types';
import { linkEvidence } from './facts/link-evidence';
import { buildStoreContext, type StoreContext } from './facts/store-context';
import { appointmentProcessMetrics } from './metrics/appointment-process.metrics';
import { channelMetrics } from './metrics/channel.metrics';
import { buildEventTables, emptyTables } from './metrics/event-tables';
import { createScope, type EventTables, type RawMetric } from './metrics/metric-scope';
import { persistenceMetrics } from './metrics/persistence.metrics';
import { responsivenessMetrics } from './metrics/responsiveness.metrics';
import { taskMetrics } from './metrics/task.metrics';
import { METRIC_IDS, type MetricId } from './policy/metric-ids';
import type { Policy } from './policy/policy';
import { applyCoverage, type Source, sourcesOf } from './report/coverage';
import { gradeMetrics } from './report/grading';
import type { AgentReport, Finding, GradeWindow, StoreReport } from './report/report.types';

const EMPTY_TABLES = emptyTables();
const METRIC_ORDER = new Map(METRIC_IDS.map((id, i) => [id, i]));
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
// Ordinal, not locale-aware: just as deterministic, and far cheaper over tens of thousands of findings.
const cmp = (a: string | undefined, b: string | undefined) => {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

function compute(
  ctx: StoreContext,
  window: GradeWindow,
  tables: EventTables,
  agentId: string | null,
  findings: Finding[] | null,
): Map<MetricId, RawMetric> {
  const raw = new Map<MetricId, RawMetric>();
  const scope = createScope(ctx, window, tables, agentId, raw, findings);
  responsivenessMetrics(scope);
  channelMetrics(scope);
  taskMetrics(scope);
  persistenceMetrics(scope);
  appointmentProcessMetrics(scope);
  return raw;
}

/** Agents worth a scorecard: every user of the store plus anyone a lead or event is attributed to. */
function agentIds(evidence: StoreEvidence, attributed: Iterable<string>): string[] {
  return [...new Set([...evidence.users.map((u) => u.id), ...attributed])].sort();
}

/**
 * Findings in report order: metric, severity, lead, user, events. Each sort key is built once
 * (joining event ids inside the comparator allocated millions of strings on a store-year).
 */
function sortFindings(findings: Finding[]): Finding[] {
  const keyed = findings.map((f) => ({
    f,
    metric: METRIC_ORDER.get(f.metricId)!,
    severity: SEVERITY_ORDER[f.severity],
    rest: `${f.leadId ?? ''}\u0000${f.userId ?? ''}\u0000${f.eventIds.join(',')}`,
  }));
  keyed.sort((a, b) => a.metric - b.metric || a.severity - b.severity || cmp(a.rest, b.rest));
  return keyed.map((k) => k.f);
}

/**
 * Aggregates per-lead facts into a store report (§5). Kept apart from fact computation so a
 * caller that caches facts per lead (the API) re-grades by recomputing only the changed leads.
 */
export function aggregateStore(
  ctx: StoreContext,
  evidence: StoreEvidence,
  facts: readonly LeadFacts[],
  window: GradeWindow,
): StoreReport {
  const sources = sourcesOf(evidence);
  const findings: Finding[] = [];
  const tables = buildEventTables(facts, window);
  const raw = compute(ctx, window, tables.store, null, findings);
  const missing = applyCoverage(raw, sources);
  const graded = gradeMetrics(raw, ctx.policy);

  const agents: AgentReport[] = [];
  for (const userId of agentIds(evidence, tables.agents.keys())) {
    const agentRaw = compute(ctx, window, tables.agents.get(userId) ?? EMPTY_TABLES, userId, null);
    applyCoverage(agentRaw, sources);
    if (![...agentRaw.values()].some((m) => m.n > 0)) continue;
    const g = gradeMetrics(agentRaw, ctx.policy);
    agents.push({
      userId,
      name: ctx.users.get(userId)?.name ?? null,
      overall: g.overall,
      categories: g.categories,
      metrics: g.metrics,
    });
  }

  const kept = sortFindings(findings.filter((f) => !missing[f.metricId]));
  const computable = METRIC_IDS.filter((id) => graded.metrics[id].value !== null).length;
  return {
    storeId: ctx.storeId,
    name: ctx.storeName,
    timeZone: ctx.clock.timeZone,
    overall: graded.overall,
    categories: graded.categories,
    coverage: {
      sources: (['crm', 'telephony', 'email', 'text'] as Source[]).filter((s) => sources.has(s)),
      computable,
      total: METRIC_IDS.length,
      missingSources: missing,
    },
    metrics: graded.metrics,
    findings: kept,
    agents,
  };
}

/** Every lead's facts for one store, in a deterministic order (arrival, then id). */
export function storeFacts(evidence: StoreEvidence, policy: Policy, asOf: number) {
  const ctx = buildStoreContext(evidence, policy, asOf);
  const link = linkEvidence(evidence, ctx);
  const facts = [...link.byLead.values()].map((e) => computeLeadFacts(e, ctx));
  return { ctx, facts, link };
}

/** Grades one store's evidence over a window. */
export function gradeStore(
  evidence: StoreEvidence,
  policy: Policy,
  window: GradeWindow,
): StoreReport {
  const { ctx, facts } = storeFacts(evidence, policy, window.asOf);
  return aggregateStore(ctx, evidence, facts, window);
}
