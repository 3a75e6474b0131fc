import type { TenantTransaction } from '@candor/platform-database';
import { effectivePolicy } from '@candor/policy-data-access';
import type { Policy } from '@candor/scoring';

/** Injection token of the LeadPolicyProvider the lead view judges evidence with. */
export const LEAD_POLICY = Symbol('LEAD_POLICY');

/** The policy a store's leads are judged by (corroboration window, filler comments, …). */
export interface LeadPolicyProvider {
  policyFor(tx: TenantTransaction, storeId: string): Promise<Policy>;
}

/** A lead is judged by its store's current versioned policy, as its reports are. */
export const DEFAULT_LEAD_POLICY: LeadPolicyProvider = { policyFor: effectivePolicy };
