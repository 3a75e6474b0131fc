import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { SecretBox } from '@candor/platform-crypto';
import { WebhookDeliveryRepository, WebhookEndpointRepository } from '@candor/webhooks-data-access';
import { WebhookDeliveryResolver } from './webhook-delivery.resolver';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointResolver } from './webhook-endpoint.resolver';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhooks.options';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const WEBHOOKS_RESOLVERS: Type[] = [WebhookEndpointResolver, WebhookDeliveryResolver];

/** Outbound webhook management over GraphQL (the worker delivers). */
@Module({})
export class WebhooksModule {
  static forRoot(options: WebhooksOptions): DynamicModule {
    const box = options.secretsKey ? SecretBox.fromBase64(options.secretsKey) : null;
    return {
      module: WebhooksModule,
      providers: [
        { provide: WEBHOOKS_OPTIONS, useValue: options },
        { provide: WebhookEndpointRepository, useValue: new WebhookEndpointRepository(box) },
        { provide: WebhookDeliveryRepository, useValue: new WebhookDeliveryRepository() },
        WebhookEndpointService,
        WebhookDeliveryService,
        ...WEBHOOKS_RESOLVERS,
      ],
    };
  }
}
