import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { JSONObjectScalar } from '@candor/platform-graphql';
import { ConnectorProbeService } from './connector-probe.service';
import { ConnectorService } from './connector.service';
import { CreateConnectorInput } from './dto/create-connector.input';
import { StoreConnectorsArgs } from './dto/connector-list.args';
import { ConnectorSyncRequest, ConnectorTestResult } from './models/connector-results.model';
import { Connector, ConnectorConnection } from './models/connector.model';

const CONNECTOR_ID = { type: () => ID, description: 'Connector id.' } as const;

@Resolver(() => Connector)
export class ConnectorResolver {
  constructor(
    private readonly service: ConnectorService,
    private readonly probe: ConnectorProbeService,
  ) {}

  @Requires('connectors:manage')
  @Query(() => ConnectorConnection, {
    description:
      "A store's connectors with their sync status; NOT_FOUND for a store the caller cannot see.",
  })
  connectors(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: StoreConnectorsArgs,
  ): Promise<ConnectorConnection> {
    return this.service.list(ctx, args.storeId, args);
  }

  @Requires('connectors:manage')
  @Mutation(() => Connector, {
    description:
      'Adds a polled connector to a store. Settings and credentials are checked against the kind ' +
      '(BAD_USER_INPUT names each field); credentials are sealed and never returned.',
  })
  createConnector(
    @CurrentTenant() ctx: TenantContext,
    @Args('input', { description: 'The new connector.' }) input: CreateConnectorInput,
  ): Promise<Connector> {
    return this.service.create(ctx, input);
  }

  @Requires('connectors:manage')
  @Mutation(() => Connector, {
    description: "Replaces a connector's credentials (never returned).",
  })
  updateConnectorCredentials(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', CONNECTOR_ID) id: string,
    @Args('credentials', { type: () => JSONObjectScalar, description: 'The new credentials.' })
    credentials: Record<string, unknown>,
  ): Promise<Connector> {
    return this.service.updateCredentials(ctx, id, credentials);
  }

  @Requires('connectors:manage')
  @Mutation(() => Connector, { description: 'Turns scheduled syncing of a connector on or off.' })
  setConnectorEnabled(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', CONNECTOR_ID) id: string,
    @Args('enabled', { description: 'True to sync on schedule.' }) enabled: boolean,
  ): Promise<Connector> {
    return this.service.setEnabled(ctx, id, enabled);
  }

  @Requires('connectors:manage')
  @Mutation(() => ConnectorTestResult, {
    description:
      "Fetches the connector's first page to check the connection, importing nothing. " +
      'A vendor refusal is ok:false with its status and message, not an error.',
  })
  testConnector(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', CONNECTOR_ID) id: string,
  ): Promise<ConnectorTestResult> {
    return this.probe.test(ctx, id);
  }

  @Requires('connectors:manage')
  @Mutation(() => ConnectorSyncRequest, {
    description:
      'Queues a sync now (from the saved position); queued is false when one is already waiting.',
  })
  syncConnector(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', CONNECTOR_ID) id: string,
  ): Promise<ConnectorSyncRequest> {
    return this.service.sync(ctx, id);
  }
}
