import type { StoreEvidence } from '@candor/evidence-domain';
import { computeLeadFacts } from './facts/lead-facts';
import type { LeadFacts } from './facts/lead-facts.types';
import { linkEvidence } from './facts/link-evidence';
import { buildStoreContext, type StoreContext } from './facts/store-context';
import { appointmentProcessMetrics } from './metrics/appointment-process.metrics';
import { channelMetrics } from './metrics/channel.metrics';
import { createScope, type RawMetric } from './metrics/metric-scope';
import { persistenceMetrics } from './metrics/persistence.metrics';
import { responsivenessMetrics } from './metrics/responsiveness.metrics';
import { taskMetrics } from './metrics/task.metrics';
import { METRIC_IDS, type MetricId } from './policy/metric-ids';
import type { Policy } from './policy/policy';
import { applyCoverage, type Source, sourcesOf } from './report/coverage';
import { gradeMetrics } from './report/grading';
import type { AgentReport, Finding, GradeWindow, StoreReport } from './report/report.types';

const METRIC_ORDER = new Map(METRIC_IDS.map((id, i) => [id, i]));
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 } as const;
const cmp = (a: string | undefined, b: string | undefined) =>
  (a ?? '').localeCompare(b ?? '', 'en');

function compute(
  ctx: StoreContext,
  window: GradeWindow,
  facts: readonly LeadFacts[],
  agentId: string | null,
  findings: Finding[] | null,
): Map<MetricId, RawMetric> {
  const raw = new Map<MetricId, RawMetric>();
  const scope = createScope(ctx, window, facts, agentId, raw, findings);
  responsivenessMetrics(scope);
  channelMetrics(scope);
  taskMetrics(scope);
  persistenceMetrics(scope);
  appointmentProcessMetrics(scope);
  return raw;
}

/** Agents worth a scorecard: every user of the store plus anyone leads or events name. */
function agentIds(evidence: StoreEvidence, facts: readonly LeadFacts[]): string[] {
  const ids = new Set(evidence.users.map((u) => u.id));
  for (const l of facts) {
    if (l.assignedTo) ids.add(l.assignedTo);
    for (const a of l.attempts) if (a.userId) ids.add(a.userId);
    for (const c of l.claims) if (c.userId) ids.add(c.userId);
  }
  return [...ids].sort();
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
  const raw = compute(ctx, window, facts, null, findings);
  const missing = applyCoverage(raw, sources);
  const graded = gradeMetrics(raw, ctx.policy);

  const agents: AgentReport[] = [];
  for (const userId of agentIds(evidence, facts)) {
    const agentRaw = compute(ctx, window, facts, userId, null);
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

  const kept = findings.filter((f) => !missing[f.metricId]);
  kept.sort(
    (a, b) =>
      METRIC_ORDER.get(a.metricId)! - METRIC_ORDER.get(b.metricId)! ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.leadId, b.leadId) ||
      cmp(a.userId, b.userId) ||
      cmp(a.eventIds.join(','), b.eventIds.join(',')),
  );
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
