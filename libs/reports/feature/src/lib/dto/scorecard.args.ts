import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ConnectionArgs } from '@candor/platform-graphql';
import { FindingSeverity } from '../models/finding.model';
import { PeriodGranularity, PeriodInput } from '../models/period.model';

@ArgsType()
export class StoreScorecardArgs {
  @Field(() => ID, { description: 'The store.' })
  storeId!: string;

  @Field(() => PeriodInput, { nullable: true, description: 'Which period; default: this week.' })
  period?: PeriodInput | null;
}

@ArgsType()
export class AgentScorecardArgs {
  @Field(() => ID, { description: 'The agent (an id from AgentScorecard.id or Finding.agentId).' })
  agentId!: string;

  @Field(() => PeriodInput, { nullable: true, description: 'Which period; default: this week.' })
  period?: PeriodInput | null;
}

@ArgsType()
export class PortfolioArgs extends ConnectionArgs {
  @Field(() => PeriodInput, {
    nullable: true,
    description: "Which period, in each store's own time zone; default: this week.",
  })
  period?: PeriodInput | null;
}

@ArgsType()
export class FindingsArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only this store (default: every store you can see).',
  })
  storeId?: string | null;

  @Field(() => PeriodInput, { nullable: true, description: 'Which period; default: this week.' })
  period?: PeriodInput | null;

  @Field(() => ID, { nullable: true, description: 'Only findings about this agent.' })
  agentId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these metric ids.' })
  metricIds?: string[] | null;

  @Field(() => [FindingSeverity], { nullable: true, description: 'Only these severities.' })
  severities?: FindingSeverity[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only findings about this lead (its id in the evidence).',
  })
  leadId?: string | null;
}

@ArgsType()
export class MetricTrendArgs {
  @Field(() => ID, { description: 'The store.' })
  storeId!: string;

  @Field({ description: 'The metric id (e.g. response.trueMedianMin).' })
  metricId!: string;

  @Field(() => PeriodGranularity, { description: 'DAY, WEEK or MONTH.' })
  granularity!: PeriodGranularity;

  @Field(() => Int, {
    nullable: true,
    description: 'How many periods, ending with the current one (1–60; default 12).',
  })
  periods?: number | null;
}

@ArgsType()
export class RegradeArgs {
  @Field(() => ID, { description: 'The store.' })
  storeId!: string;

  @Field(() => PeriodInput, {
    nullable: true,
    description:
      'Grade this period now; without it every report of the store is queued for the worker.',
  })
  period?: PeriodInput | null;
}
