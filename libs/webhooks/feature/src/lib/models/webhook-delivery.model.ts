import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

export const WebhookDeliveryStatus = {
  PENDING: 'pending',
  DELIVERED: 'delivered',
  FAILED: 'failed',
} as const;
export type WebhookDeliveryStatus =
  (typeof WebhookDeliveryStatus)[keyof typeof WebhookDeliveryStatus];

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where a delivery stands.',
  valuesMap: {
    PENDING: { description: 'Not sent yet, or waiting for its next attempt.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Every attempt failed; redeliverWebhook sends it again.' },
  },
});

@ObjectType({ description: 'One event sent (or to be sent) to one endpoint: the delivery log.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Opaque id of the delivery.' })
  id!: string;

  @Field(() => ID, { description: 'The endpoint it goes to.' })
  endpointId!: string;

  @Field({
    description: 'The event id, sent as `webhook-id` (the same on retries and redeliveries).',
  })
  eventId!: string;

  @Field({ description: 'The event type, e.g. report.ready or webhook.test.' })
  eventType!: string;

  @Field(() => WebhookDeliveryStatus, { description: 'Pending, delivered or failed.' })
  status!: WebhookDeliveryStatus;

  @Field(() => Int, { description: 'Attempts made so far.' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due (pending).' })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the last attempt was made.' })
  lastAttemptAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'HTTP status of the last answer; null when there was none (timeout, no connection).',
  })
  lastStatusCode!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last attempt failed, e.g. `HTTP 500: …` or `no response within 10 s`.',
  })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the endpoint accepted it.' })
  deliveredAt!: Date | null;

  @Field({ description: 'When it was queued.' })
  createdAt!: Date;

  @Field({ description: 'The JSON body sent: `{ type, timestamp, data }`.' })
  payload!: string;
}

@ObjectType({ description: "A page of an endpoint's delivery log, newest first." })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery, 'WebhookDelivery') {}
