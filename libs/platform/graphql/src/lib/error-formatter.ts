import { randomUUID } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { CandorException, ErrorCode } from '@candor/shared-errors';

export interface ErrorFormatterOptions {
  /** Hide the message of unexpected errors (production). */
  maskInternalErrors: boolean;
  /** Called once for every unexpected error, with the id the client is given. */
  logInternalError: (errorId: string, error: unknown) => void;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  429: ErrorCode.RateLimited,
};

const CANDOR_CODES = new Set<string>(Object.values(ErrorCode));

/** Codes GraphQL and Apollo assign themselves (parse, validation, variable coercion). */
const PROTOCOL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * The error a resolver threw, behind the GraphQLError that carries its path. Duck-typed (like
 * Apollo's unwrapResolverError) so it holds whichever copy of graphql-js built the wrapper.
 */
function unwrapResolverError(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'path' in error && 'originalError' in error) {
    const { path, originalError } = error as { path?: unknown; originalError?: unknown };
    if (path && originalError) return originalError;
  }
  return error;
}

/**
 * The one place error codes are mapped to `extensions.code`. Expected errors keep their message;
 * anything else is a bug: it is logged with an error id, and its message is masked in production.
 */
export function createErrorFormatter(options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
    };

    if (original instanceof CandorException) {
      const fields = original.fieldErrors.length > 0 ? { fields: original.fieldErrors } : {};
      return { ...base, message: original.message, extensions: { code: original.code, ...fields } };
    }
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code) return { ...base, message: original.message, extensions: { code } };
    }
    const given = formatted.extensions?.['code'];
    if (typeof given === 'string' && PROTOCOL_CODES.has(given)) {
      return { ...base, extensions: { code: given } };
    }
    if (typeof given === 'string' && CANDOR_CODES.has(given)) {
      // Raised as GraphQLErrors before execution (query limits): keep their details, drop transport.
      const { http: _http, stacktrace: _stack, ...details } = formatted.extensions ?? {};
      return { ...base, extensions: details };
    }

    const errorId = randomUUID();
    options.logInternalError(errorId, original);
    const message = options.maskInternalErrors
      ? `Internal server error (error id ${errorId})`
      : formatted.message;
    return { ...base, message, extensions: { code: ErrorCode.Internal, errorId } };
  };
}
