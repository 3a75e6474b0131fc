import type { FieldError } from '@candor/shared-errors';
import {
  isWebhookEventType,
  validateWebhookUrl,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookUrlRules,
} from '@candor/webhooks-domain';

export const MAX_DESCRIPTION_LENGTH = 500;

/** The checked fields of a create or update; absent ones were not given. */
export interface CheckedEndpointFields {
  url?: string;
  eventTypes?: WebhookEventType[];
  description?: string;
}

/**
 * Checks the fields that were given, collecting every problem with its field path, so one
 * answer names them all.
 */
export function checkEndpointFields(
  input: { url?: string | null; eventTypes?: string[] | null; description?: string | null },
  rules: WebhookUrlRules,
  prefix = 'input',
): { fields: CheckedEndpointFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fields: CheckedEndpointFields = {};
  if (input.url !== undefined && input.url !== null) {
    const url = validateWebhookUrl(input.url, rules);
    if (url.ok) fields.url = url.url;
    else errors.push({ field: `${prefix}.url`, message: url.reason });
  }
  if (input.eventTypes !== undefined && input.eventTypes !== null) {
    if (input.eventTypes.length === 0) {
      errors.push({
        field: `${prefix}.eventTypes`,
        message: `must name at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
      });
    }
    input.eventTypes.forEach((type, i) => {
      if (!isWebhookEventType(type)) {
        errors.push({
          field: `${prefix}.eventTypes[${i}]`,
          message: `unknown event type "${type}" (one of ${WEBHOOK_EVENT_TYPES.join(', ')})`,
        });
      }
    });
    fields.eventTypes = [...new Set(input.eventTypes.filter(isWebhookEventType))];
  }
  if (input.description !== undefined && input.description !== null) {
    const description = input.description.trim();
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      errors.push({
        field: `${prefix}.description`,
        message: `must be at most ${MAX_DESCRIPTION_LENGTH} characters long`,
      });
    }
    fields.description = description;
  }
  return { fields, errors };
}
