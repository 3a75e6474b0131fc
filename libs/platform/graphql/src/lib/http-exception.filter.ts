import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { CandorException, ErrorCode } from '@candor/shared-errors';

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.BillingLimit]: 402,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.QueryTooComplex]: 400,
  [ErrorCode.Internal]: 500,
};

/**
 * REST routes (webhooks, health, dev tokens) answer domain errors with the HTTP status of their
 * code and `{ error: { code, message, fields? } }`. In GraphQL the error is handed back to Apollo,
 * whose formatter does the same mapping into `extensions.code`.
 */
@Catch(CandorException)
export class CandorHttpExceptionFilter implements ExceptionFilter<CandorException> {
  catch(exception: CandorException, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return exception;
    const res = host.switchToHttp().getResponse<Response>();
    const fields = exception.fieldErrors.length > 0 ? { fields: exception.fieldErrors } : {};
    res.status(HTTP_STATUS_OF[exception.code]).json({
      error: { code: exception.code, message: exception.message, ...fields },
    });
    return undefined;
  }
}
