import { CandorException, ErrorCode, type FieldError } from '@candor/shared-errors';

export class ConnectorsException extends CandorException {
  static storeNotFound(): ConnectorsException {
    return new ConnectorsException(ErrorCode.NotFound, 'Store not found');
  }

  static connectorNotFound(): ConnectorsException {
    return new ConnectorsException(ErrorCode.NotFound, 'Connector not found');
  }

  static deadLetterNotFound(): ConnectorsException {
    return new ConnectorsException(
      ErrorCode.NotFound,
      'Dead letter not found (or already resolved)',
    );
  }

  static ingestTokenNotFound(): ConnectorsException {
    return new ConnectorsException(
      ErrorCode.NotFound,
      'Ingest token not found (or already revoked)',
    );
  }

  static invalid(errors: readonly FieldError[]): ConnectorsException {
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new ConnectorsException(ErrorCode.BadUserInput, `Invalid input: ${summary}`, errors);
  }

  /** Without the key nothing could be sealed; saying so beats a generic server error. */
  static noSecretsKey(field: string): ConnectorsException {
    return ConnectorsException.invalid([
      {
        field,
        message:
          'cannot be stored: this Candor server has no CANDOR_SECRETS_KEY configured (ask its operator)',
      },
    ]);
  }

  static disabled(): ConnectorsException {
    return ConnectorsException.invalid([
      { field: 'id', message: 'the connector is disabled; enable it before syncing' },
    ]);
  }
}
