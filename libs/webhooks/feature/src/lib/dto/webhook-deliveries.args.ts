import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@candor/platform-graphql';
import { WebhookDeliveryStatus } from '../models/webhook-delivery.model';

@ArgsType()
export class WebhookDeliveriesArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The endpoint whose delivery log to read.' })
  endpointId!: string;

  @Field(() => WebhookDeliveryStatus, {
    nullable: true,
    description: 'Only deliveries in this status.',
  })
  status?: WebhookDeliveryStatus | null;
}
