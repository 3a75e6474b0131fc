export {
  METRIC_IDS,
  CATEGORIES,
  METRIC_CATEGORY,
  type MetricId,
  type Category,
} from './lib/policy/metric-ids';
export type { Policy, MetricGrading, CadenceStep } from './lib/policy/policy';
export { DEFAULT_POLICY } from './lib/policy/default-policy';
export {
  applyPolicyOverrides,
  PolicyValidationError,
  type PolicyError,
} from './lib/policy/policy-overrides';
export type {
  Report,
  StoreReport,
  AgentReport,
  MetricValue,
  Finding,
  Severity,
  Grade,
  Coverage,
  GradeWindow,
} from './lib/report/report.types';
export { grade, GradeWindowError, type GradeOptions } from './lib/grade';
export { gradeStore, aggregateStore, storeFacts } from './lib/grade-store';
export {
  gradeIncrementally,
  type FactCache,
  type CachedLeadFacts,
  type IncrementalGrade,
} from './lib/incremental/grade-incrementally';
export { computeLeadFacts } from './lib/facts/lead-facts';
export { linkEvidence, type LeadEvidence } from './lib/facts/link-evidence';
export { buildStoreContext, type StoreContext } from './lib/facts/store-context';
export type { LeadFacts } from './lib/facts/lead-facts.types';
export { median, percentile } from './lib/metrics/stats';
