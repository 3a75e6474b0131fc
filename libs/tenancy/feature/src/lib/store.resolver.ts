import { Args, Field, ID, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { ConnectionArgs } from '@candor/platform-graphql';
import { CreateStoreInput, UpdateStoreInput } from './dto/store-settings.input';
import { Store, StoreConnection } from './models/store.model';
import { StoreService } from './store.service';

@ObjectType({ description: 'Result of deleteStore.' })
export class DeleteStorePayload {
  @Field(() => ID, { description: 'Id of the deleted store.' })
  deletedId!: string;
}

@Resolver(() => Store)
export class StoreResolver {
  constructor(private readonly storeService: StoreService) {}

  @Requires('stores:read')
  @Query(() => StoreConnection, {
    description: 'Stores the caller may see (owners: all; others: assigned), by name.',
  })
  stores(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: ConnectionArgs,
  ): Promise<StoreConnection> {
    return this.storeService.list(ctx, args);
  }

  @Requires('stores:read')
  @Query(() => Store, {
    description: 'One store; NOT_FOUND when it does not exist for the caller.',
  })
  store(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Store id.' }) id: string,
  ): Promise<Store> {
    return this.storeService.get(ctx, id);
  }

  @Requires('stores:write')
  @Mutation(() => Store, {
    description: 'Adds a store to the consultancy (needs stores:write: owners).',
  })
  createStore(
    @CurrentTenant() ctx: TenantContext,
    @Args('input', { description: 'Settings of the new store.' }) input: CreateStoreInput,
  ): Promise<Store> {
    return this.storeService.create(ctx, input);
  }

  @Requires('stores:write')
  @Mutation(() => Store, {
    description: "Changes a store's settings (needs stores:write: owners).",
  })
  updateStore(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Store id.' }) id: string,
    @Args('input', { description: 'Fields to change.' }) input: UpdateStoreInput,
  ): Promise<Store> {
    return this.storeService.update(ctx, id, input);
  }

  @Requires('stores:write')
  @Mutation(() => DeleteStorePayload, {
    description: 'Removes a store and its data (needs stores:write: owners).',
  })
  async deleteStore(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Store id.' }) id: string,
  ): Promise<DeleteStorePayload> {
    return { deletedId: await this.storeService.delete(ctx, id) };
  }
}
