export {
  DEFAULT_TOLERANCE_SECONDS,
  WEBHOOK_SECRET_PREFIX,
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  type HeaderSource,
  type SignInput,
  type VerifyOptions,
  type WebhookHeaders,
  type WebhookVerification,
} from './lib/webhook-signature';
export {
  WEBHOOK_RETRY_SCHEDULE,
  retryDelaySeconds,
  retryDelays,
  type WebhookRetrySchedule,
} from './lib/retry-schedule';
export {
  SECRET_ROTATION_GRACE_SECONDS,
  WEBHOOK_EVENT_DESCRIPTIONS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
  isWebhookEventType,
  type DeliverableEventType,
  type WebhookEnvelope,
  type WebhookEventType,
} from './lib/webhook-events';
export {
  MAX_WEBHOOK_URL_LENGTH,
  validateWebhookUrl,
  type WebhookUrlValidation,
  type WebhookUrlRules,
} from './lib/webhook-url';
