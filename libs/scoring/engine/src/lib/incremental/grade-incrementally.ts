import type { StoreEvidence } from '@candor/evidence-domain';
import { computeLeadFacts } from '../facts/lead-facts';
import type { LeadFacts } from '../facts/lead-facts.types';
import { type LeadEvidence, linkEvidence } from '../facts/link-evidence';
import { buildStoreContext } from '../facts/store-context';
import { aggregateStore } from '../grade-store';
import type { Policy } from '../policy/policy';
import type { GradeWindow, StoreReport } from '../report/report.types';

/** One lead's facts and the evidence (the very record objects) they were computed from. */
export interface CachedLeadFacts {
  linked: LeadEvidence;
  facts: LeadFacts;
}

/**
 * The per-lead facts of one grading, for gradings of other windows over the same loaded
 * evidence. Facts depend on the lead's evidence, the store context (profile, users, policy)
 * and the moment it is judged at; `contextKey` fingerprints all but the first.
 */
export interface FactCache {
  contextKey: string;
  leads: Map<string, CachedLeadFacts>;
}

export interface IncrementalGrade {
  report: StoreReport;
  cache: FactCache;
  /** Leads whose facts were computed (the others came from a cache). */
  recomputed: number;
  reused: number;
}

/** Everything the store context is built from besides the leads' own evidence. */
function contextKeyOf(evidence: StoreEvidence, policy: Policy, asOf: number): string {
  return JSON.stringify([evidence.storeId, evidence.store, evidence.users, policy, asOf]);
}

const sameRecords = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((r, i) => r === b[i]);

/** Whether two linkings of a lead hold the same record objects, in the same order. */
function sameEvidence(a: LeadEvidence, b: LeadEvidence): boolean {
  return (
    a.lead === b.lead &&
    sameRecords(a.tasks, b.tasks) &&
    sameRecords(a.activities, b.activities) &&
    sameRecords(a.notes, b.notes) &&
    sameRecords(a.appointments, b.appointments) &&
    sameRecords(a.statuses, b.statuses) &&
    sameRecords(a.sales, b.sales)
  );
}

/**
 * Grades a store like `gradeStore`, reusing the facts a cache of `previous` holds for every
 * lead linked to the very same records under the same context: windows judged at the same
 * moment over one loaded evidence (a running day, week and month; a week and its last day)
 * compute each lead's facts once. Linking runs over this window's evidence every time, so a
 * lead that gains or loses a record (an activity that links to a newer lead of the same
 * customer, say) is computed again. The report is the one `gradeStore` gives.
 */
export function gradeIncrementally(
  evidence: StoreEvidence,
  policy: Policy,
  window: GradeWindow,
  previous: readonly FactCache[],
): IncrementalGrade {
  const ctx = buildStoreContext(evidence, policy, window.asOf);
  const contextKey = contextKeyOf(evidence, policy, window.asOf);
  const reusable = previous.filter((c) => c.contextKey === contextKey).map((c) => c.leads);
  const link = linkEvidence(evidence, ctx);
  const leads = new Map<string, CachedLeadFacts>();
  const facts: LeadFacts[] = [];
  let recomputed = 0;
  for (const [leadId, linked] of link.byLead) {
    let entry: CachedLeadFacts | undefined;
    for (const cache of reusable) {
      const cached = cache.get(leadId);
      if (cached && sameEvidence(cached.linked, linked)) {
        entry = cached;
        break;
      }
    }
    if (!entry) {
      entry = { linked, facts: computeLeadFacts(linked, ctx) };
      recomputed++;
    }
    leads.set(leadId, entry);
    facts.push(entry.facts);
  }
  return {
    report: aggregateStore(ctx, evidence, facts, window),
    cache: { contextKey, leads },
    recomputed,
    reused: facts.length - recomputed,
  };
}
