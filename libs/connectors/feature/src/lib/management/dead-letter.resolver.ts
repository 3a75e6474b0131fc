import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { DeadLetterService } from './dead-letter.service';
import { ConnectorDeadLettersArgs } from './dto/connector-list.args';
import { ConnectorDeadLetter, ConnectorDeadLetterConnection } from './models/dead-letter.model';

@Resolver(() => ConnectorDeadLetter)
export class DeadLetterResolver {
  constructor(private readonly deadLetters: DeadLetterService) {}

  @Requires('connectors:manage')
  @Query(() => ConnectorDeadLetterConnection, {
    description: "A connector's syncs that failed for good and are not resolved yet, newest first.",
  })
  connectorDeadLetters(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: ConnectorDeadLettersArgs,
  ): Promise<ConnectorDeadLetterConnection> {
    return this.deadLetters.list(ctx, args.connectorId, args);
  }

  @Requires('connectors:manage')
  @Mutation(() => ConnectorDeadLetter, {
    description: 'Marks a dead letter as handled; it leaves the open list.',
  })
  resolveDeadLetter(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Dead letter id.' }) id: string,
  ): Promise<ConnectorDeadLetter> {
    return this.deadLetters.resolve(ctx, id);
  }
}
