import { createHash } from 'node:crypto';
import type { StoreEvidence } from '@candor/evidence-domain';
import { computeLeadFacts } from '../facts/lead-facts';
import type { LeadFacts } from '../facts/lead-facts.types';
import { linkEvidence } from '../facts/link-evidence';
import { buildStoreContext } from '../facts/store-context';
import { aggregateStore } from '../grade-store';
import type { Policy } from '../policy/policy';
import type { GradeWindow, StoreReport } from '../report/report.types';

/** One lead's facts and the fingerprint of the evidence they were computed from. */
export interface CachedLeadFacts {
  signature: string;
  facts: LeadFacts;
}

/**
 * The per-lead facts of one graded report, to grade it again later recomputing only the leads
 * whose evidence changed. Facts depend on the lead's evidence, the store context (profile,
 * users, policy) and the moment it is judged at; `contextKey` fingerprints all but the first.
 */
export interface FactCache {
  contextKey: string;
  leads: Map<string, CachedLeadFacts>;
}

export interface IncrementalGrade {
  report: StoreReport;
  cache: FactCache;
  /** Leads whose facts were computed (the others came from the cache). */
  recomputed: number;
  reused: number;
}

const fingerprint = (value: unknown) =>
  createHash('sha1').update(JSON.stringify(value)).digest('base64url');

/** Everything the store context is built from besides the leads' own evidence. */
function contextKeyOf(evidence: StoreEvidence, policy: Policy, asOf: number): string {
  return fingerprint([evidence.storeId, evidence.store, evidence.users, policy, asOf]);
}

/**
 * Grades a store like `gradeStore`, reusing the facts of every lead whose linked evidence is
 * unchanged since one of `previous` was computed under the same context (an earlier grading of
 * this report, or of another period judged at the same moment: a running day, week and month). Linking runs over all the
 * evidence every time, so an activity that moves to another lead (a repeat shopper's newer
 * lead, say) changes both leads' fingerprints. The report is the same as `gradeStore` gives.
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
    const signature = fingerprint(linked);
    let entry = reusable.map((r) => r.get(leadId)).find((c) => c?.signature === signature);
    if (!entry) {
      entry = { signature, facts: computeLeadFacts(linked, ctx) };
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
