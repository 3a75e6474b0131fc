import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { WebhookDeliveriesArgs } from './dto/webhook-deliveries.args';
import { WebhookDelivery, WebhookDeliveryConnection } from './models/webhook-delivery.model';
import { WebhookDeliveryService } from './webhook-delivery.service';

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  constructor(private readonly deliveries: WebhookDeliveryService) {}

  @Requires('webhooks:manage')
  @Query(() => WebhookDeliveryConnection, {
    description: "An endpoint's delivery log, newest first: status, attempts and last errors.",
  })
  webhookDeliveries(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<WebhookDeliveryConnection> {
    return this.deliveries.list(ctx, args.endpointId, args.status ?? null, args);
  }

  @Requires('webhooks:manage')
  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a delivered or failed event again, as a new delivery with the same event id.',
  })
  redeliverWebhook(
    @CurrentTenant() ctx: TenantContext,
    @Args('deliveryId', { type: () => ID, description: 'The delivery to send again.' })
    deliveryId: string,
  ): Promise<WebhookDelivery> {
    return this.deliveries.redeliver(ctx, deliveryId);
  }
}
