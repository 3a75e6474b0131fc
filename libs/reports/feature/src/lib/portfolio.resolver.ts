import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import type { ConnectionShape } from '@candor/platform-graphql';
import { FindingsArgs, PortfolioArgs } from './dto/scorecard.args';
import { FindingService } from './finding.service';
import { FindingConnection, type Finding } from './models/finding.model';
import { PortfolioEntryConnection, type PortfolioEntry } from './models/portfolio.model';
import { PortfolioService } from './portfolio.service';

@Resolver()
export class PortfolioResolver {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly findingService: FindingService,
  ) {}

  @Requires('scorecards:read')
  @Query(() => PortfolioEntryConnection, {
    description:
      'The stores you can see, by name, each with its overall grade for the period, the trend ' +
      'against the previous period and its three weakest metrics.',
  })
  portfolio(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: PortfolioArgs,
  ): Promise<ConnectionShape<PortfolioEntry>> {
    return this.portfolios.list(ctx, args);
  }

  @Requires('findings:read')
  @Query(() => FindingConnection, {
    description:
      'Findings of a period (default this week) in report order, filtered by store, agent, ' +
      'metric, severity or lead. A dealer agent sees only findings about their own work.',
  })
  findings(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: FindingsArgs,
  ): Promise<ConnectionShape<Finding>> {
    return this.findingService.list(ctx, args);
  }
}
