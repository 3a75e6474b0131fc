import type { BucketState } from './leaky-bucket';

/** What the cost plugin measured for a request, and what the limiter charged for it. */
export interface RequestQueryCost {
  requested: number;
  charge?: BucketState;
}

/** The slice of the GraphQL context (the HTTP request) the cost limits read and write. */
export interface CostCarrier {
  queryCost?: RequestQueryCost;
}
