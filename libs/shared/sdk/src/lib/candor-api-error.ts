import type { GraphQLErrorItem, ResponseExtensions } from './graphql-response';

export interface CandorApiErrorDetails {
  /** HTTP status of the response (200 for most GraphQL errors, 400 for invalid operations). */
  status: number;
  headers: Headers;
  /** The GraphQL errors, in order; empty when the answer was not a GraphQL response at all. */
  errors: readonly GraphQLErrorItem[];
  /** Whatever data came back beside the errors (partial results), or null. */
  data: unknown;
  extensions: ResponseExtensions | undefined;
}

/**
 * A Candor API call that did not fully succeed: the operation's GraphQL errors (each with its
 * `extensions.code`, e.g. NOT_FOUND, BAD_USER_INPUT) or an answer that was not GraphQL at all.
 */
export class CandorApiError extends Error {
  override readonly name = 'CandorApiError';
  readonly status: number;
  readonly headers: Headers;
  readonly errors: readonly GraphQLErrorItem[];
  readonly data: unknown;
  readonly extensions: ResponseExtensions | undefined;

  constructor(details: CandorApiErrorDetails, message?: string) {
    super(message ?? describe(details.errors));
    this.status = details.status;
    this.headers = details.headers;
    this.errors = details.errors;
    this.data = details.data;
    this.extensions = details.extensions;
  }

  /** `extensions.code` of every error, in order. */
  get codes(): (string | undefined)[] {
    return this.errors.map((e) => e.extensions?.code);
  }

  /** `extensions.code` of the first error. */
  get code(): string | undefined {
    return this.codes[0];
  }
}

function describe(errors: readonly GraphQLErrorItem[]): string {
  return errors
    .map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message))
    .join('; ');
}
