import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ReportPeriod } from './period.model';

@ObjectType({ description: 'A metric in one period.' })
export class MetricTrendPoint {
  @Field(() => ReportPeriod, { description: 'The period.' })
  period!: ReportPeriod;

  @Field(() => Float, { nullable: true, description: 'The value; null = no data.' })
  value!: number | null;

  @Field(() => Int, { description: 'The denominator.' })
  n!: number;

  @Field(() => Float, { nullable: true, description: '0–100 subscore; null when not graded.' })
  subscore!: number | null;
}

@ObjectType({ description: 'A metric period by period, oldest first, for charts.' })
export class MetricTrend {
  @Field({ description: 'The metric id.' })
  metricId!: string;

  @Field(() => [MetricTrendPoint], { description: 'One point per period, oldest first.' })
  points!: MetricTrendPoint[];
}
