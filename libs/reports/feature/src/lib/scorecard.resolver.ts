import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { ConnectionArgs, type ConnectionShape, pageOfList } from '@candor/platform-graphql';
import {
  AgentScorecardArgs,
  MetricTrendArgs,
  RegradeArgs,
  StoreScorecardArgs,
} from './dto/scorecard.args';
import { MetricTrend } from './models/metric-trend.model';
import { RegradeResult } from './models/regrade.model';
import { AgentScorecard, AgentScorecardConnection, StoreScorecard } from './models/scorecard.model';
import { ScorecardService } from './scorecard.service';

@Resolver(() => StoreScorecard)
export class ScorecardResolver {
  constructor(private readonly scorecards: ScorecardService) {}

  @Requires('scorecards:read')
  @Query(() => StoreScorecard, {
    description:
      "A store's scorecard for a period: categories, every metric with value, n, subscore and " +
      'target, "CRM says vs reality", the agent leaderboard. NOT_FOUND for a store you cannot see; ' +
      'a dealer agent sees their own scores.',
  })
  storeScorecard(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: StoreScorecardArgs,
  ): Promise<StoreScorecard> {
    return this.scorecards.storeScorecard(ctx, args);
  }

  @Requires('scorecards:read')
  @Query(() => AgentScorecard, {
    description: "One agent's scorecard for a period; a dealer agent may ask only for their own.",
  })
  agentScorecard(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: AgentScorecardArgs,
  ): Promise<AgentScorecard> {
    return this.scorecards.agentScorecard(ctx, args);
  }

  @Requires('scorecards:read')
  @Query(() => MetricTrend, {
    description: 'A metric of a store period by period, ending with the current one (for charts).',
  })
  metricTrend(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: MetricTrendArgs,
  ): Promise<MetricTrend> {
    return this.scorecards.metricTrend(ctx, args);
  }

  @Requires('evidence:write')
  @Mutation(() => RegradeResult, {
    description:
      "Grades a store's period again now, or (without a period) queues every report of the store " +
      'for the worker, e.g. after correcting evidence.',
  })
  regradeStore(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: RegradeArgs,
  ): Promise<RegradeResult> {
    return this.scorecards.regrade(ctx, args);
  }

  @ResolveField(() => AgentScorecardConnection, {
    description: 'The agent leaderboard, best overall score first (a dealer agent: themselves).',
  })
  agents(
    @Parent() scorecard: StoreScorecard,
    @Args() args: ConnectionArgs,
  ): ConnectionShape<AgentScorecard> {
    return pageOfList(args, scorecard.agentList, (a) => a);
  }
}
