import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { PolicyVersionsArgs, UpdatePolicyInput } from './dto/policy.input';
import { GradingPolicy } from './models/grading-policy.model';
import { PolicyVersionConnection } from './models/policy-version.model';
import { PolicyService } from './policy.service';

const STORE_ARG = {
  type: () => ID,
  nullable: true,
  description: 'The store; omit for the consultancy-wide policy.',
} as const;

@Resolver(() => GradingPolicy)
export class PolicyResolver {
  constructor(private readonly policies: PolicyService) {}

  @Requires('scorecards:read')
  @Query(() => GradingPolicy, {
    description:
      "The grading policy in force for a store (or, without storeId, the consultancy's), with " +
      'the version name reports print. NOT_FOUND for a store the caller cannot see.',
  })
  policy(
    @CurrentTenant() ctx: TenantContext,
    @Args('storeId', STORE_ARG) storeId?: string | null,
  ): Promise<GradingPolicy> {
    return this.policies.get(ctx, storeId);
  }

  @Requires('scorecards:read')
  @Query(() => PolicyVersionConnection, {
    description:
      'Saved versions of one policy level (a store, or without storeId the consultancy), ' +
      'newest first, so the version a report names can be looked up.',
  })
  policyVersions(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: PolicyVersionsArgs,
  ): Promise<PolicyVersionConnection> {
    return this.policies.versions(ctx, args.storeId, args);
  }

  @Requires('policies:write')
  @Mutation(() => GradingPolicy, {
    description:
      "Saves a new version of a level's overrides, replacing the level's previous overrides " +
      '(a whole document, not a patch), and returns the policy now in force there. Invalid ' +
      'settings are BAD_USER_INPUT with every field in extensions.fields; nothing is saved then.',
  })
  updatePolicy(
    @CurrentTenant() ctx: TenantContext,
    @Args('input', { description: 'The level and its new overrides.' }) input: UpdatePolicyInput,
  ): Promise<GradingPolicy> {
    return this.policies.update(ctx, input);
  }

  @Requires('policies:write')
  @Mutation(() => GradingPolicy, {
    description:
      'Saves a new, empty version of a level: the store grades with the consultancy policy ' +
      'again (or the consultancy with the default policy). Earlier versions stay listed.',
  })
  resetPolicy(
    @CurrentTenant() ctx: TenantContext,
    @Args('storeId', STORE_ARG) storeId?: string | null,
    @Args('note', {
      type: () => String,
      nullable: true,
      description: 'Why (kept with the version).',
    })
    note?: string | null,
  ): Promise<GradingPolicy> {
    return this.policies.reset(ctx, storeId, note);
  }
}
