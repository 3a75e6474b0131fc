/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorItem {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** What Candor's query-cost limiter reports with every response (see "API limits" in the README). */
export interface QueryCost {
  requestedQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

export interface ResponseExtensions {
  cost?: QueryCost;
  [key: string]: unknown;
}

/** A whole GraphQL response with its HTTP status and headers (e.g. RateLimit-Remaining). */
export interface CandorResponse<TResult> {
  status: number;
  headers: Headers;
  data: TResult | null | undefined;
  errors: GraphQLErrorItem[] | undefined;
  extensions: ResponseExtensions | undefined;
}
