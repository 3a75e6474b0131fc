import { CandorException, ErrorCode, type FieldError } from '@candor/shared-errors';

export class WebhooksException extends CandorException {
  static endpointNotFound(): WebhooksException {
    return new WebhooksException(ErrorCode.NotFound, 'Webhook endpoint not found');
  }

  static deliveryNotFound(): WebhooksException {
    return new WebhooksException(ErrorCode.NotFound, 'Webhook delivery not found');
  }

  static invalid(errors: readonly FieldError[]): WebhooksException {
    const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new WebhooksException(ErrorCode.BadUserInput, `Invalid input: ${summary}`, errors);
  }

  /** Without the key no secret could be sealed; saying so beats a generic server error. */
  static noSecretsKey(field: string): WebhooksException {
    return WebhooksException.invalid([
      {
        field,
        message:
          'webhook secrets cannot be stored: this Candor server has no CANDOR_SECRETS_KEY configured (ask its operator)',
      },
    ]);
  }
}
