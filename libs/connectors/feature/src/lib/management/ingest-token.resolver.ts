import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { StoreConnectorsArgs } from './dto/connector-list.args';
import { IngestTokenService } from './ingest-token.service';
import { IngestToken, IngestTokenConnection, IssuedIngestToken } from './models/ingest-token.model';

@Resolver(() => IngestToken)
export class IngestTokenResolver {
  constructor(private readonly tokens: IngestTokenService) {}

  @Requires('connectors:manage')
  @Query(() => IngestTokenConnection, {
    description: "A store's ingest tokens, newest first (prefixes only, never the tokens).",
  })
  ingestTokens(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: StoreConnectorsArgs,
  ): Promise<IngestTokenConnection> {
    return this.tokens.list(ctx, args.storeId, args);
  }

  @Requires('connectors:manage')
  @Mutation(() => IssuedIngestToken, {
    description:
      'Issues a push token for a store and returns it once, with the URLs to give senders.',
  })
  createIngestToken(
    @CurrentTenant() ctx: TenantContext,
    @Args('storeId', { type: () => ID, description: 'The store pushes go to.' }) storeId: string,
  ): Promise<IssuedIngestToken> {
    return this.tokens.create(ctx, storeId);
  }

  @Requires('connectors:manage')
  @Mutation(() => IngestToken, { description: 'Revokes an ingest token: pushes with it get 401.' })
  revokeIngestToken(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Ingest token id.' }) id: string,
  ): Promise<IngestToken> {
    return this.tokens.revoke(ctx, id);
  }
}
