import type { TenantTransaction } from '@candor/platform-database';
import type { PolicyProvider } from '@candor/reports-data-access';
import type { Policy } from '@candor/scoring';

export interface ReportsOptions {
  /** The policy a store is graded with. */
  policyFor: PolicyProvider;
  /** The policies of many stores at once (portfolios); default: policyFor per store. */
  policiesFor?: (
    tx: TenantTransaction,
    storeIds: readonly string[],
  ) => Promise<Map<string, Policy>>;
  /** The clock; tests pin it. */
  now?: () => number;
}

/** Injection token of ReportsOptions (see ReportsModule.forRoot). */
export const REPORTS_OPTIONS = Symbol('REPORTS_OPTIONS');
