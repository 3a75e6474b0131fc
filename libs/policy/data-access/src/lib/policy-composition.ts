import { applyPolicyOverrides, DEFAULT_POLICY, PolicyValidationError } from '@candor/scoring';
import type { PolicyVersion, ResolvedPolicy } from './policy-version';

const hasOverrides = (v: PolicyVersion | null): v is PolicyVersion =>
  v !== null && Object.keys(v.overrides).length > 0;

/**
 * Applies a saved version on top of `base`. Saved overrides were valid when saved; should a later
 * engine reject them, grading must stop loudly rather than grade with a silently different policy.
 */
function applySaved(version: PolicyVersion, base: ResolvedPolicy['policy']) {
  const { version: _named, ...overrides } = version.overrides;
  try {
    return applyPolicyOverrides(overrides, base);
  } catch (e) {
    if (e instanceof PolicyValidationError) {
      throw new Error(`Saved policy version ${version.label} (${version.id}) no longer validates`, {
        cause: e,
      });
    }
    throw e;
  }
}

/** The consultancy-wide policy: DEFAULT_POLICY ← the latest consultancy overrides. */
export function consultancyPolicy(latest: PolicyVersion | null): ResolvedPolicy {
  if (!hasOverrides(latest)) {
    return {
      policy: structuredClone(DEFAULT_POLICY),
      consultancyVersion: latest,
      storeVersion: null,
      basedOn: [],
    };
  }
  const policy = applySaved(latest, DEFAULT_POLICY);
  policy.version = latest.label;
  return { policy, consultancyVersion: latest, storeVersion: null, basedOn: [latest] };
}

/**
 * A store's policy: the consultancy's ← the store's latest overrides. The name joins the labels
 * of the levels that change anything (`c3.s2`, `c3`, `s2`), so it is `default-1` exactly when
 * the store grades with the default policy, and (over one DEFAULT_POLICY) one name is one set of
 * settings.
 */
export function storePolicy(base: ResolvedPolicy, latest: PolicyVersion | null): ResolvedPolicy {
  if (!hasOverrides(latest)) {
    return { ...base, policy: structuredClone(base.policy), storeVersion: latest };
  }
  const policy = applySaved(latest, base.policy);
  const basedOn = [...base.basedOn, latest];
  policy.version = basedOn.map((v) => v.label).join('.');
  return { policy, consultancyVersion: base.consultancyVersion, storeVersion: latest, basedOn };
}
