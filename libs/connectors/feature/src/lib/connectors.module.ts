import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type Type,
} from '@nestjs/common';
import { ConnectorRepository, SecretBox } from '@candor/connectors-data-access';
import { CONNECTORS_OPTIONS, type ConnectorsOptions } from './connectors.options';
import { IngestController } from './ingest/ingest.controller';
import { IngestService } from './ingest/ingest.service';
import { rawBody } from './ingest/raw-body.middleware';
import { MANAGEMENT_PROVIDERS, MANAGEMENT_RESOLVERS } from './management/management.providers';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const CONNECTORS_RESOLVERS: Type[] = [...MANAGEMENT_RESOLVERS];

/** Connector configuration (GraphQL) and the endpoints sources push evidence to. */
@Module({})
export class ConnectorsModule implements NestModule {
  static forRoot(options: ConnectorsOptions): DynamicModule {
    const box = options.secretsKey ? SecretBox.fromBase64(options.secretsKey) : null;
    return {
      module: ConnectorsModule,
      controllers: [IngestController],
      providers: [
        { provide: CONNECTORS_OPTIONS, useValue: options },
        { provide: ConnectorRepository, useValue: new ConnectorRepository(box) },
        IngestService,
        ...MANAGEMENT_PROVIDERS,
        ...CONNECTORS_RESOLVERS,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(rawBody()).forRoutes(IngestController);
  }
}
