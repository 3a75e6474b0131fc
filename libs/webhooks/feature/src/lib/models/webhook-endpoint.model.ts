import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

@ObjectType({
  description:
    'A URL of the consultancy that receives signed webhook deliveries (never its secret).',
})
export class WebhookEndpoint {
  @Field(() => ID, { description: 'Opaque id of the endpoint.' })
  id!: string;

  @Field({ description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field({ description: 'What the endpoint is for (free text, may be empty).' })
  description!: string;

  @Field(() => [String], {
    description: 'Event types it receives: report.ready, finding.created, lead.neglected.',
  })
  eventTypes!: string[];

  @Field({ description: 'False: nothing is sent; queued deliveries wait until it is enabled.' })
  enabled!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the secret was last rotated.' })
  secretRotatedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Until when the previous secret still signs deliveries (after a rotation).',
  })
  previousSecretExpiresAt!: Date | null;

  @Field({ description: 'When it was registered.' })
  createdAt!: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: "A page of the consultancy's webhook endpoints, oldest first." })
export class WebhookEndpointConnection extends Connection(WebhookEndpoint, 'WebhookEndpoint') {}

@ObjectType({ description: 'An endpoint with its signing secret: the only time it is shown.' })
export class WebhookEndpointSecret {
  @Field(() => WebhookEndpoint, { description: 'The endpoint (without its secret).' })
  endpoint!: WebhookEndpoint;

  @Field({
    description:
      'The signing secret (`whsec_…`), for verifying deliveries. Copy it now: it is not shown again.',
  })
  secret!: string;
}

@ObjectType({ description: 'Result of deleteWebhookEndpoint.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { description: 'Id of the deleted endpoint (its delivery log is gone too).' })
  deletedId!: string;
}
