import { CandorException, ErrorCode, type FieldError } from '@candor/shared-errors';

export class ReportsException extends CandorException {
  static storeNotFound(): ReportsException {
    return new ReportsException(ErrorCode.NotFound, 'Store not found');
  }

  static agentNotFound(): ReportsException {
    return new ReportsException(ErrorCode.NotFound, 'Agent not found in that report');
  }

  static invalid(errors: readonly FieldError[]): ReportsException {
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new ReportsException(ErrorCode.BadUserInput, `Invalid input: ${summary}`, errors);
  }
}
