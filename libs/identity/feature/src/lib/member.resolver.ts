import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { ConnectionArgs } from '@candor/platform-graphql';
import { AgentIdentityService } from './agent-identity.service';
import {
  AgentIdentity,
  LinkAgentIdentityInput,
  Member,
  MemberConnection,
} from './models/member.model';

@Resolver(() => Member)
export class MemberResolver {
  constructor(private readonly agents: AgentIdentityService) {}

  @Requires('members:read')
  @Query(() => MemberConnection, {
    description:
      'Members of the active consultancy by name: owners see everyone, others the people ' +
      'of their stores. Each lists the evidence user ids linked to them.',
  })
  members(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: ConnectionArgs,
  ): Promise<MemberConnection> {
    return this.agents.members(ctx, args);
  }

  @Requires('agents:link')
  @Mutation(() => AgentIdentity, {
    description:
      "Links a dealer agent to a CRM user id of a store's evidence, so their own work can be " +
      'told apart (owners; managers at their stores). Linking again is a no-op.',
  })
  linkAgentIdentity(
    @CurrentTenant() ctx: TenantContext,
    @Args('input', { description: 'Agent, store and CRM user id.' }) input: LinkAgentIdentityInput,
  ): Promise<AgentIdentity> {
    return this.agents.link(ctx, input);
  }

  @Requires('agents:link')
  @Mutation(() => AgentIdentity, {
    description: 'Removes a link made with linkAgentIdentity; returns what was removed.',
  })
  unlinkAgentIdentity(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Id of the link.' }) id: string,
  ): Promise<AgentIdentity> {
    return this.agents.unlink(ctx, id);
  }
}
