import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConnectionArgs } from '@candor/platform-graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
} from './dto/webhook-endpoint.input';
import { WebhookDelivery } from './models/webhook-delivery.model';
import {
  DeleteWebhookEndpointPayload,
  WebhookEndpoint,
  WebhookEndpointConnection,
  WebhookEndpointSecret,
} from './models/webhook-endpoint.model';
import { WebhookEndpointService } from './webhook-endpoint.service';

@Resolver(() => WebhookEndpoint)
export class WebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Requires('webhooks:manage')
  @Query(() => WebhookEndpointConnection, {
    description: "The consultancy's webhook endpoints, oldest first (never their secrets).",
  })
  webhookEndpoints(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: ConnectionArgs,
  ): Promise<WebhookEndpointConnection> {
    return this.endpoints.list(ctx, args);
  }

  @Requires('webhooks:manage')
  @Mutation(() => WebhookEndpointSecret, {
    description: 'Registers an endpoint and returns its signing secret, once.',
  })
  createWebhookEndpoint(
    @CurrentTenant() ctx: TenantContext,
    @Args('input', { description: 'URL, event types and description.' })
    input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointSecret> {
    return this.endpoints.create(ctx, input);
  }

  @Requires('webhooks:manage')
  @Mutation(() => WebhookEndpoint, {
    description: "Changes an endpoint's URL, events, description or whether it is enabled.",
  })
  updateWebhookEndpoint(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Endpoint id.' }) id: string,
    @Args('input', { description: 'The fields to change.' }) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    return this.endpoints.update(ctx, id, input);
  }

  @Requires('webhooks:manage')
  @Mutation(() => WebhookEndpointSecret, {
    description:
      'Gives an endpoint a new signing secret, returned once; the old one also signs for 24 hours.',
  })
  rotateWebhookSecret(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Endpoint id.' }) id: string,
  ): Promise<WebhookEndpointSecret> {
    return this.endpoints.rotateSecret(ctx, id);
  }

  @Requires('webhooks:manage')
  @Mutation(() => DeleteWebhookEndpointPayload, {
    description: 'Deletes an endpoint and its delivery log; nothing more is sent to it.',
  })
  async deleteWebhookEndpoint(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Endpoint id.' }) id: string,
  ): Promise<DeleteWebhookEndpointPayload> {
    return { deletedId: await this.endpoints.delete(ctx, id) };
  }

  @Requires('webhooks:manage')
  @Mutation(() => WebhookDelivery, {
    description: 'Queues a `webhook.test` event for this endpoint only; the worker sends it.',
  })
  sendTestWebhook(
    @CurrentTenant() ctx: TenantContext,
    @Args('endpointId', { type: () => ID, description: 'Endpoint to test.' }) endpointId: string,
  ): Promise<WebhookDelivery> {
    return this.endpoints.sendTest(ctx, endpointId);
  }
}
