export {
  WebhookEndpointRepository,
  type NewWebhookEndpoint,
  type WebhookEndpointPatch,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookSigningTarget,
} from './lib/webhook-endpoint.repository';
export {
  MAX_DELIVERY_ERROR_LENGTH,
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDeliveryRepository,
  type AttemptOutcome,
  type ClaimedDelivery,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
} from './lib/webhook-delivery.repository';
export {
  newWebhookEventId,
  publishTestWebhookEvent,
  publishWebhookEvent,
  type PublishOptions,
  type WebhookEvent,
} from './lib/publish-webhook-event';
export { findDueWebhookTenants } from './lib/due-webhook-tenants.query';
export {
  DEFAULT_WEBHOOK_TIMEOUT_MS,
  deliverDueWebhooks,
  type DeliverOptions,
  type DeliveryPass,
} from './lib/deliver-due-webhooks';
