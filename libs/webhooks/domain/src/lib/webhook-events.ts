/** Events a consultancy can subscribe an endpoint to. */
export const WEBHOOK_EVENT_TYPES = ['report.ready', 'finding.created', 'lead.neglected'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent only by `sendTestWebhook`, to the one endpoint tested; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export type DeliverableEventType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<DeliverableEventType, string> = {
  'report.ready': "A store's report (scorecard) for a period has been graded and can be read.",
  'finding.created': 'A finding of high severity (the highest) was found.',
  'lead.neglected': 'A lead has gone without real contact longer than the policy allows.',
  'webhook.test': 'A test delivery asked for with sendTestWebhook.',
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The JSON body of every delivery. */
export interface WebhookEnvelope {
  type: DeliverableEventType;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: Record<string, unknown>;
}

/** How long the previous secret keeps signing after a rotation. */
export const SECRET_ROTATION_GRACE_SECONDS = 24 * 60 * 60;
