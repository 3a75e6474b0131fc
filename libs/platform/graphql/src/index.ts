export { encodeId, decodeId, encodeKeyId, decodeKeyId } from './lib/global-id';
export {
  Connection,
  ConnectionArgs,
  PageInfo,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type ConnectionShape,
  type Edge,
} from './lib/connection.types';
export {
  pageRequest,
  toConnection,
  encodeCursor,
  type PageRequest,
  type KeyValue,
} from './lib/keyset-page';
export { JSONObjectScalar } from './lib/json-object.scalar';
export { pageOfList } from './lib/list-page';
export { createErrorFormatter, type ErrorFormatterOptions } from './lib/error-formatter';
export { CandorHttpExceptionFilter, HTTP_STATUS_OF } from './lib/http-exception.filter';
export {
  measureOperation,
  MUTATION_FIELD_COST,
  CONNECTION_BASE_COST,
  type QueryMeasure,
} from './lib/cost/query-cost';
export { LeakyBucketLimiter, type BucketSettings, type BucketState } from './lib/cost/leaky-bucket';
export {
  queryLimitsPlugin,
  DEFAULT_QUERY_LIMITS,
  type QueryLimits,
} from './lib/cost/cost-limit.plugin';
export { noStorePlugins } from './lib/no-store.plugin';
export { QueryCostGuard, QUERY_COST_LIMITER } from './lib/cost/query-cost.guard';
export type { RequestQueryCost, CostCarrier } from './lib/cost/query-cost.context';
