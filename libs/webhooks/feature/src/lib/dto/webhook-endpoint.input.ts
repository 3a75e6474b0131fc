import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A new webhook endpoint.' })
export class CreateWebhookEndpointInput {
  @Field({
    description:
      'Absolute URL deliveries are POSTed to; https in production, no user name or password.',
  })
  url!: string;

  @Field(() => [String], {
    description: 'Event types to receive: report.ready, finding.created, lead.neglected.',
  })
  eventTypes!: string[];

  @Field(() => String, { nullable: true, description: 'What the endpoint is for (≤ 500 chars).' })
  description?: string | null;
}

@InputType({ description: 'Changes to a webhook endpoint; fields left out stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => String, { nullable: true, description: 'New URL (same rules as when created).' })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'New list of event types.' })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False pauses deliveries (they wait); true resumes them.',
  })
  enabled?: boolean | null;
}
