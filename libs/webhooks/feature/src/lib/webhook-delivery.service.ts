import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from '@candor/webhooks-data-access';
import type { WebhookDelivery, WebhookDeliveryStatus } from './models/webhook-delivery.model';
import { DELIVERY_ID_TYPE, ENDPOINT_ID_TYPE, toDeliveryModel } from './webhook.mapper';
import { WebhooksException } from './webhooks.exception';

/** The delivery log: read per endpoint, and a finished delivery sent again on request. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly db: TenantDb,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  list(
    ctx: TenantContext,
    endpointGlobalId: string,
    status: WebhookDeliveryStatus | null,
    args: ConnectionArgs,
  ): Promise<ConnectionShape<WebhookDelivery>> {
    const endpointId = decodeId(ENDPOINT_ID_TYPE, endpointGlobalId, 'endpointId');
    const request = pageRequest(args);
    return this.db.run(ctx, async (tx) => {
      if (!(await this.endpoints.findById(tx, endpointId))) {
        throw WebhooksException.endpointNotFound();
      }
      const { rows, totalCount } = await this.deliveries.page(tx, endpointId, status, request);
      return toConnection(
        request,
        rows,
        totalCount,
        (r) => [r.createdAt.toISOString(), r.id],
        toDeliveryModel,
      );
    });
  }

  redeliver(ctx: TenantContext, globalId: string): Promise<WebhookDelivery> {
    const id = decodeId(DELIVERY_ID_TYPE, globalId, 'deliveryId');
    return this.db.run(ctx, async (tx) => {
      const delivery = await this.deliveries.findById(tx, id);
      if (!delivery) throw WebhooksException.deliveryNotFound();
      if (delivery.status === 'pending') {
        throw WebhooksException.invalid([
          {
            field: 'deliveryId',
            message: `the delivery is still pending (next attempt ${delivery.nextAttemptAt?.toISOString() ?? 'soon'})`,
          },
        ]);
      }
      const again = await this.deliveries.redeliver(tx, id);
      if (!again) throw WebhooksException.deliveryNotFound();
      return toDeliveryModel(again);
    });
  }
}
