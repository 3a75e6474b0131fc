import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';
import { CategoryScore, Coverage, CrmRealityPair, Grade, MetricValue } from './grade.model';
import { ReportPeriod } from './period.model';

@ObjectType({
  description:
    "One agent's scores in a store's report (the agent a lead was assigned to, or who did the work).",
})
export class AgentScorecard {
  @Field(() => ID, { description: 'Opaque id of the agent at this store.' })
  id!: string;

  @Field({ description: 'The CRM user id of the evidence (e.g. u-17).' })
  userId!: string;

  @Field(() => String, { nullable: true, description: 'Name, when the evidence gives one.' })
  name!: string | null;

  @Field(() => Int, {
    description: 'Position in the store’s leaderboard (1 = best overall score).',
  })
  rank!: number;

  @Field(() => Grade, { description: 'Overall grade.' })
  overall!: Grade;

  @Field(() => [CategoryScore], { description: 'Categories with their metrics.' })
  categories!: CategoryScore[];

  @Field(() => [MetricValue], { description: 'Every metric, in specification order.' })
  metrics!: MetricValue[];

  @Field(() => [String], { description: 'The three lowest graded metrics: what to coach first.' })
  worstMetricIds!: string[];
}

@ObjectType({ description: 'A page of agent scorecards, best first.' })
export class AgentScorecardConnection extends Connection(AgentScorecard, 'AgentScorecard') {}

@ObjectType({ description: "A store's graded report for one period." })
export class StoreScorecard {
  @Field(() => ID, {
    description: 'Opaque id of this report (stable across refreshes of the period).',
  })
  id!: string;

  @Field(() => ID, { description: 'The store graded.' })
  storeId!: string;

  @Field({ description: 'Name of the store.' })
  storeName!: string;

  @Field(() => ReportPeriod, { description: 'The window and when it was judged.' })
  period!: ReportPeriod;

  @Field({ description: 'The grading policy version the report used (e.g. default-1, c3.s1).' })
  policyVersion!: string;

  @Field(() => Grade, { description: 'Overall grade (for a dealer agent: their own).' })
  overall!: Grade;

  @Field(() => [CategoryScore], { description: 'Categories with their metrics.' })
  categories!: CategoryScore[];

  @Field(() => [MetricValue], { description: 'Every metric of the specification, in its order.' })
  metrics!: MetricValue[];

  @Field(() => [CrmRealityPair], { description: '"CRM says vs reality" pairs.' })
  crmVersusReality!: CrmRealityPair[];

  @Field(() => Coverage, { description: 'Evidence sources present and metrics computable.' })
  coverage!: Coverage;

  @Field(() => Int, { description: 'Findings in this report (for a dealer agent: their own).' })
  findingCount!: number;

  @Field({ description: 'When the report was last graded.' })
  computedAt!: Date;

  @Field({ description: 'True while newer evidence or a policy change waits to be graded in.' })
  stale!: boolean;

  /** Every agent of the report, best first (paged by the `agents` field). */
  agentList!: AgentScorecard[];
}
