import { Inject, Injectable } from '@nestjs/common';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import {
  publishTestWebhookEvent,
  WebhookDeliveryRepository,
  WebhookEndpointRepository,
} from '@candor/webhooks-data-access';
import type { WebhookUrlRules } from '@candor/webhooks-domain';
import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
} from './dto/webhook-endpoint.input';
import type { WebhookDelivery } from './models/webhook-delivery.model';
import type { WebhookEndpoint, WebhookEndpointSecret } from './models/webhook-endpoint.model';
import { checkEndpointFields } from './webhook-endpoint.validation';
import { ENDPOINT_ID_TYPE, toDeliveryModel, toEndpointModel } from './webhook.mapper';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhooks.options';
import { WebhooksException } from './webhooks.exception';

/** More would be a misconfiguration (one per system that listens is the norm). */
export const MAX_ENDPOINTS_PER_CONSULTANCY = 20;

/** A consultancy's webhook endpoints: registered, changed, rotated, tested and deleted. */
@Injectable()
export class WebhookEndpointService {
  private readonly rules: WebhookUrlRules;

  constructor(
    private readonly db: TenantDb,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WEBHOOKS_OPTIONS) private readonly options: WebhooksOptions,
  ) {
    this.rules = {
      requireHttps: options.requireHttps,
      allowPrivateHosts: options.allowPrivateHosts,
    };
  }

  list(ctx: TenantContext, args: ConnectionArgs): Promise<ConnectionShape<WebhookEndpoint>> {
    const request = pageRequest(args);
    return this.db.run(ctx, async (tx) => {
      const { rows, totalCount } = await this.endpoints.page(tx, request);
      return toConnection(
        request,
        rows,
        totalCount,
        (r) => [r.createdAt.toISOString(), r.id],
        toEndpointModel,
      );
    });
  }

  create(ctx: TenantContext, input: CreateWebhookEndpointInput): Promise<WebhookEndpointSecret> {
    const { fields, errors } = checkEndpointFields(
      { url: input.url, eventTypes: input.eventTypes, description: input.description ?? '' },
      this.rules,
    );
    if (errors.length > 0) throw WebhooksException.invalid(errors);
    if (!this.options.secretsKey) throw WebhooksException.noSecretsKey('input');
    return this.db.run(ctx, async (tx) => {
      if ((await this.endpoints.count(tx)) >= MAX_ENDPOINTS_PER_CONSULTANCY) {
        throw WebhooksException.invalid([
          {
            field: 'input',
            message: `a consultancy can have at most ${MAX_ENDPOINTS_PER_CONSULTANCY} webhook endpoints; delete one first`,
          },
        ]);
      }
      const created = await this.endpoints.create(tx, {
        url: fields.url!,
        eventTypes: fields.eventTypes!,
        description: fields.description ?? '',
      });
      return { endpoint: toEndpointModel(created.endpoint), secret: created.secret };
    });
  }

  update(
    ctx: TenantContext,
    globalId: string,
    input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpoint> {
    const id = decodeId(ENDPOINT_ID_TYPE, globalId);
    const { fields, errors } = checkEndpointFields(input, this.rules);
    if (errors.length > 0) throw WebhooksException.invalid(errors);
    return this.db.run(ctx, async (tx) => {
      const updated = await this.endpoints.update(tx, id, {
        ...fields,
        ...(typeof input.enabled === 'boolean' ? { enabled: input.enabled } : {}),
      });
      if (!updated) throw WebhooksException.endpointNotFound();
      return toEndpointModel(updated);
    });
  }

  rotateSecret(ctx: TenantContext, globalId: string): Promise<WebhookEndpointSecret> {
    const id = decodeId(ENDPOINT_ID_TYPE, globalId);
    if (!this.options.secretsKey) throw WebhooksException.noSecretsKey('id');
    return this.db.run(ctx, async (tx) => {
      const rotated = await this.endpoints.rotateSecret(tx, id);
      if (!rotated) throw WebhooksException.endpointNotFound();
      return { endpoint: toEndpointModel(rotated.endpoint), secret: rotated.secret };
    });
  }

  delete(ctx: TenantContext, globalId: string): Promise<string> {
    const id = decodeId(ENDPOINT_ID_TYPE, globalId);
    return this.db.run(ctx, async (tx) => {
      if (!(await this.endpoints.delete(tx, id))) throw WebhooksException.endpointNotFound();
      return globalId;
    });
  }

  sendTest(ctx: TenantContext, globalId: string): Promise<WebhookDelivery> {
    const id = decodeId(ENDPOINT_ID_TYPE, globalId, 'endpointId');
    return this.db.run(ctx, async (tx) => {
      const endpoint = await this.endpoints.findById(tx, id);
      if (!endpoint) throw WebhooksException.endpointNotFound();
      if (!endpoint.enabled) {
        throw WebhooksException.invalid([
          { field: 'endpointId', message: 'the endpoint is disabled; enable it first' },
        ]);
      }
      const deliveryId = await publishTestWebhookEvent(tx, id);
      const delivery = deliveryId ? await this.deliveries.findById(tx, deliveryId) : null;
      if (!delivery) throw WebhooksException.endpointNotFound();
      return toDeliveryModel(delivery);
    });
  }
}
