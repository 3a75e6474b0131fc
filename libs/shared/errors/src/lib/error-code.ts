/**
 * The error codes clients see in GraphQL `extensions.code`. Domain code throws a
 * `CandorException` carrying one of these; one formatter maps them (platform-graphql).
 */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  BillingLimit: 'BILLING_LIMIT',
  RateLimited: 'RATE_LIMITED',
  QueryTooComplex: 'QUERY_TOO_COMPLEX',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
