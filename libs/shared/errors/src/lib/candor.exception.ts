import { ErrorCode } from './error-code';

/** One problem with one input field, e.g. `{ field: 'input.timeZone', message: '…' }`. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * The base of every expected (domain) error. Its message is safe to show to the caller;
 * anything that is not a CandorException is treated as a bug and masked in production.
 */
export class CandorException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }

  static notFound(what: string): CandorException {
    return new CandorException(ErrorCode.NotFound, `${what} not found`);
  }

  static invalidInput(fieldErrors: readonly FieldError[]): CandorException {
    const summary = fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new CandorException(ErrorCode.BadUserInput, `Invalid input: ${summary}`, fieldErrors);
  }
}
