import { CandorException, ErrorCode } from '@candor/shared-errors';

export class IdentityException extends CandorException {
  /** The same text for an unknown e-mail and a wrong password: sign-in reveals no accounts. */
  static badCredentials(): IdentityException {
    return new IdentityException(ErrorCode.Unauthenticated, 'Incorrect e-mail or password');
  }

  static locked(seconds: number): IdentityException {
    const message = `too many failed sign-ins; try again in ${seconds} seconds`;
    return new IdentityException(
      ErrorCode.RateLimited,
      `Too many failed sign-ins: try again in ${seconds} seconds`,
      [
        { field: 'retryAfterSeconds', message: String(seconds) },
        { field: 'email', message },
      ],
    );
  }

  static invalidRefresh(reason = 'Refresh token is invalid or expired'): IdentityException {
    return new IdentityException(ErrorCode.Unauthenticated, reason);
  }

  static badInput(field: string, message: string): IdentityException {
    return new IdentityException(ErrorCode.BadUserInput, `${field}: ${message}`, [
      { field, message },
    ]);
  }
}
