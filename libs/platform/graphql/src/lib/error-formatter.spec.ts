import { GraphQLError } from 'graphql';
import { ForbiddenException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { CandorException, ErrorCode } from '@candor/shared-errors';
import { createErrorFormatter } from './error-formatter';

function resolverError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['store'], originalError: original });
}

describe('createErrorFormatter', () => {
  const logged: { errorId: string; error: unknown }[] = [];
  const production = createErrorFormatter({
    maskInternalErrors: true,
    logInternalError: (errorId, error) => logged.push({ errorId, error }),
  });
  const development = createErrorFormatter({
    maskInternalErrors: false,
    logInternalError: () => undefined,
  });

  it('maps a domain exception to its code, with the field errors', () => {
    const error = resolverError(
      CandorException.invalidInput([{ field: 'input.timeZone', message: 'not a zone' }]),
    );
    expect(production({ message: error.message }, error)).toEqual({
      message: 'Invalid input: input.timeZone: not a zone',
      extensions: {
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input.timeZone', message: 'not a zone' }],
      },
    });
  });

  it('maps Nest HTTP exceptions by status', () => {
    const error = resolverError(new ForbiddenException('nope'));
    expect(production({ message: error.message }, error).extensions).toEqual({
      code: ErrorCode.Forbidden,
    });
  });

  it('masks an unexpected error in production and logs it under the id it returns', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'secret')");
    const error = resolverError(bug);
    const formatted = production({ message: error.message }, error);
    const errorId = formatted.extensions?.['errorId'] as string;
    expect(formatted.message).toBe(`Internal server error (error id ${errorId})`);
    expect(formatted.message).not.toContain('secret');
    expect(formatted.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(logged).toContainEqual({ errorId, error: bug });
  });

  it('keeps the message of an unexpected error outside production', () => {
    const error = resolverError(new Error('boom'));
    expect(development({ message: 'boom' }, error)).toMatchObject({
      message: 'boom',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('passes GraphQL validation errors through with their code', () => {
    const error = new GraphQLError('Cannot query field "nope"', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(
      production(
        { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        error,
      ),
    ).toEqual({
      message: 'Cannot query field "nope"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
