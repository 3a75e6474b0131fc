import type { LeadRecord } from '@candor/evidence-domain';
import type { StoredLeadEvidence } from '@candor/evidence-data-access';
import {
  buildStoreContext,
  computeLeadFacts,
  type LeadEvidence,
  type LeadFacts,
  linkEvidence,
  type Policy,
  type StoreContext,
} from '@candor/scoring';
import { agentOf } from './agent-of';
import { encodeLeadId } from './lead-ids';
import type { Lead } from './models/lead.model';
import { timelineOf } from './timeline.mapper';

const at = (ms: number | null | undefined) =>
  ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms);
const minutes = (m: number) => (Number.isFinite(m) ? m : null);

/** The first sale, or the first sold status: the moment the engine counts a lead sold. */
function soldAt(e: LeadEvidence): number | null {
  const sale = e.sales[0]?.soldAt ?? Infinity;
  const status = e.statuses.find((s) => s.status === 'sold')?.at ?? Infinity;
  const first = Math.min(sale, status);
  return Number.isFinite(first) ? first : null;
}

function leadModel(
  ctx: StoreContext,
  storeId: string,
  stored: StoredLeadEvidence,
  e: LeadEvidence,
  facts: LeadFacts,
): Lead {
  const lead: LeadRecord = e.lead;
  return {
    id: encodeLeadId(storeId, lead.id),
    storeId,
    externalId: lead.id,
    receivedAt: new Date(lead.receivedAt),
    requestedAt: at(lead.requestedAt),
    kind: lead.kind,
    provider: lead.source,
    source: stored.sourceOf(lead),
    customer: {
      name: lead.customer.name,
      phones: lead.customer.phones,
      emails: lead.customer.emails,
    },
    vehicle: lead.vehicle,
    comments: lead.comments,
    assignedAgent: agentOf(ctx, storeId, facts.assignedTo),
    status: e.statuses.at(-1)?.status ?? null,
    sold: facts.soldByAsOf,
    soldAt: facts.soldByAsOf ? at(soldAt(e)) : null,
    firstGenuineAttemptAt: at(facts.attempts[0]?.at),
    firstCrmResponseAt: at(facts.firstCrmResponse?.at),
    trueResponseMin: minutes(facts.trueResponseMin),
    crmResponseMin: minutes(facts.crmResponseMin),
    clockStopped: facts.clockStop !== null,
    genuineAttempts: facts.attempts.length,
    asOf: new Date(ctx.asOf),
    timeline: timelineOf({ ctx, storeId, stored, evidence: e, facts }),
  };
}

/**
 * The views of `leadIds` from their loaded evidence: the engine links the evidence and judges
 * it as of `asOf` (corroboration, clock stops, attempts), and every record becomes a timeline
 * entry beside the engine's verdict on it. Leads the evidence lacks are absent from the map.
 */
export function buildLeadViews(
  stored: StoredLeadEvidence,
  storeId: string,
  leadIds: readonly string[],
  policy: Policy,
  asOf: number,
): Map<string, Lead> {
  const ctx = buildStoreContext(stored.evidence, policy, asOf);
  const { byLead } = linkEvidence(stored.evidence, ctx);
  const views = new Map<string, Lead>();
  for (const id of leadIds) {
    const e = byLead.get(id);
    if (e) views.set(id, leadModel(ctx, storeId, stored, e, computeLeadFacts(e, ctx)));
  }
  return views;
}
