import { CandorException, ErrorCode, type FieldError } from '@candor/shared-errors';

/** How many field errors the message names; the rest are in the field list only. */
const NAMED_IN_MESSAGE = 3;

export class PolicyException extends CandorException {
  static storeNotFound(): PolicyException {
    return new PolicyException(ErrorCode.NotFound, 'Store not found');
  }

  /** A rejected policy: every field error, the first few also in the message. */
  static invalid(errors: readonly FieldError[]): PolicyException {
    const named = errors
      .slice(0, NAMED_IN_MESSAGE)
      .map((e) => `${e.field}: ${e.message}`)
      .join('; ');
    const more =
      errors.length > NAMED_IN_MESSAGE
        ? ` (and ${errors.length - NAMED_IN_MESSAGE} more, listed in extensions.fields)`
        : '';
    return new PolicyException(ErrorCode.BadUserInput, `Invalid policy: ${named}${more}`, errors);
  }

  /** The same rejection with every field under `prefix` (e.g. the GraphQL argument `input`). */
  under(prefix: string): PolicyException {
    if (this.code !== ErrorCode.BadUserInput) return this;
    return PolicyException.invalid(
      this.fieldErrors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message })),
    );
  }
}
