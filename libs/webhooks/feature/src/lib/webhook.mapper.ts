import { encodeId } from '@candor/platform-graphql';
import type { WebhookDeliveryView, WebhookEndpointView } from '@candor/webhooks-data-access';
import type { WebhookDelivery } from './models/webhook-delivery.model';
import type { WebhookEndpoint } from './models/webhook-endpoint.model';

export const ENDPOINT_ID_TYPE = 'WebhookEndpoint';
export const DELIVERY_ID_TYPE = 'WebhookDelivery';

export function toEndpointModel(view: WebhookEndpointView): WebhookEndpoint {
  return {
    id: encodeId(ENDPOINT_ID_TYPE, view.id),
    url: view.url,
    description: view.description,
    eventTypes: view.eventTypes,
    enabled: view.enabled,
    secretRotatedAt: view.secretRotatedAt,
    previousSecretExpiresAt: view.previousSecretExpiresAt,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

export function toDeliveryModel(view: WebhookDeliveryView): WebhookDelivery {
  const { type, timestamp, data } = view.payload;
  return {
    id: encodeId(DELIVERY_ID_TYPE, view.id),
    endpointId: encodeId(ENDPOINT_ID_TYPE, view.endpointId),
    eventId: view.eventId,
    eventType: view.eventType,
    status: view.status,
    attempts: view.attempts,
    nextAttemptAt: view.nextAttemptAt,
    lastAttemptAt: view.lastAttemptAt,
    lastStatusCode: view.lastStatusCode,
    lastError: view.lastError,
    deliveredAt: view.deliveredAt,
    createdAt: view.createdAt,
    payload: JSON.stringify({ type, timestamp, data }),
  };
}
