import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';
import { Store } from '@candor/tenancy-feature';
import { Grade, MetricValue } from './grade.model';
import { ReportPeriod } from './period.model';

@ObjectType({ description: 'A store in a consultant’s portfolio, with its grade for the period.' })
export class PortfolioEntry {
  @Field(() => Store, { description: 'The store.' })
  store!: Store;

  @Field(() => ReportPeriod, { description: 'The period graded.' })
  period!: ReportPeriod;

  @Field(() => Grade, { description: 'Overall grade for the period.' })
  overall!: Grade;

  @Field(() => Grade, { description: 'Overall grade of the previous period of the same length.' })
  previous!: Grade;

  @Field(() => Float, {
    nullable: true,
    description: 'Score change against the previous period (points); null without both.',
  })
  trend!: number | null;

  @Field(() => [MetricValue], { description: 'The three lowest graded metrics.' })
  worstMetrics!: MetricValue[];

  @Field({ description: 'The policy version graded with.' })
  policyVersion!: string;
}

@ObjectType({ description: 'A page of portfolio stores, by name.' })
export class PortfolioEntryConnection extends Connection(PortfolioEntry, 'PortfolioEntry') {}
