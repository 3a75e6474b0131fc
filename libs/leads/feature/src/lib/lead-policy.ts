import type { TenantTransaction } from '@candor/platform-database';
import { DEFAULT_POLICY, type Policy } from '@candor/scoring';

/** Injection token of the LeadPolicyProvider the lead view judges evidence with. */
export const LEAD_POLICY = Symbol('LEAD_POLICY');

/** The policy a store's leads are judged by (corroboration window, filler comments, …). */
export interface LeadPolicyProvider {
  policyFor(tx: TenantTransaction, storeId: string): Promise<Policy>;
}

/** Until versioned policies are stored, every store is judged by the default policy. */
export const DEFAULT_LEAD_POLICY: LeadPolicyProvider = {
  policyFor: () => Promise.resolve(DEFAULT_POLICY),
};
