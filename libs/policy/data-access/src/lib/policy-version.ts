import type { Policy } from '@candor/scoring';

/** One saved overrides document of one scope (the consultancy when storeId is null, or a store). */
export interface PolicyVersion {
  id: string;
  /** null: consultancy-wide. */
  storeId: string | null;
  /** 1, 2, … per scope. */
  number: number;
  /** `c<number>` for the consultancy, `s<number>` for a store: the parts of a policy version name. */
  label: string;
  /** Exactly what was saved (validated when saved); the whole document of its level. */
  overrides: Record<string, unknown>;
  note: string | null;
  /** The user who saved it. */
  createdBy: string;
  createdAt: Date;
}

/** The policy a store (or the consultancy) grades with, and the versions it is made of. */
export interface ResolvedPolicy {
  /** DEFAULT_POLICY ← consultancy overrides ← store overrides; `version` names the combination. */
  policy: Policy;
  /** The latest consultancy-wide version (null: never saved), even when its overrides are empty. */
  consultancyVersion: PolicyVersion | null;
  /** The latest version of the store (null: never saved or consultancy-wide resolution). */
  storeVersion: PolicyVersion | null;
  /** The versions `policy.version` names: those with overrides, consultancy first. */
  basedOn: PolicyVersion[];
}
