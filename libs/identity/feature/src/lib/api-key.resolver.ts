import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { encodeId } from '@candor/platform-graphql';
import type { ApiKeyRow } from '@candor/identity-data-access';
import { ApiKeyService } from './api-key.service';
import { ApiKey, CreatedApiKey } from './models/api-key.model';
import { CreateApiKeyInput } from './models/identity.input';

function toModel(row: ApiKeyRow): ApiKey {
  return {
    id: encodeId('ApiKey', row.id),
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    storeIds: row.storeIds ? row.storeIds.map((id) => encodeId('Store', id)) : null,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
  };
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Requires('apikeys:manage')
  @Query(() => [ApiKey], {
    description: 'API keys of the consultancy, newest first (owners; a short list, unpaged).',
  })
  async apiKeys(@CurrentTenant() ctx: TenantContext): Promise<ApiKey[]> {
    return (await this.keys.list(ctx)).map(toModel);
  }

  @Requires('apikeys:manage')
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key; its secret is shown once.' })
  async createApiKey(
    @CurrentTenant() ctx: TenantContext,
    @Args('input', { description: 'Name, scopes, stores and expiry.' }) input: CreateApiKeyInput,
  ): Promise<CreatedApiKey> {
    const { row, key } = await this.keys.create(ctx, input);
    return { apiKey: toModel(row), secret: key };
  }

  @Requires('apikeys:manage')
  @Mutation(() => ApiKey, { description: 'Revokes an API key at once.' })
  async revokeApiKey(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Key id.' }) id: string,
  ): Promise<ApiKey> {
    return toModel(await this.keys.revoke(ctx, id));
  }
}
