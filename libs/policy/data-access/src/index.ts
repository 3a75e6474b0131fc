export type { PolicyVersion, ResolvedPolicy } from './lib/policy-version';
export {
  effectivePolicies,
  effectivePolicy,
  listPolicyVersions,
  policyVersionKey,
  resolvePolicies,
  resolvePolicy,
  savePolicyVersion,
  type NewPolicyVersion,
  type PolicyVersionPage,
} from './lib/policy-version.repository';
export { PolicyException } from './lib/policy.exception';
export { MAX_NOTE_LENGTH, MAX_OVERRIDES_JSON_LENGTH } from './lib/policy-input';
