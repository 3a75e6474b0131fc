import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A 0–100 score and its letter (A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, F).' })
export class Grade {
  @Field(() => Float, {
    nullable: true,
    description: 'Score 0–100; null when nothing could be graded.',
  })
  score!: number | null;

  @Field(() => String, { nullable: true, description: 'A, B, C, D or F; null without a score.' })
  letter!: string | null;
}

@ObjectType({ description: 'One metric of the scoring specification, with its grading.' })
export class MetricValue {
  @Field({
    description:
      'The metric id of the scoring specification, verbatim (e.g. response.trueMedianMin).',
  })
  metricId!: string;

  @Field({ description: 'The category the metric counts toward (e.g. responsiveness).' })
  category!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      'The value: minutes (business minutes), a rate in [0, 1], a count or an index; null = no data.',
  })
  value!: number | null;

  @Field(() => Int, { description: 'The denominator: leads, events or tasks the value is over.' })
  n!: number;

  @Field(() => Float, {
    nullable: true,
    description: '0–100 against the policy’s floor and target; null when not graded.',
  })
  subscore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Wall-clock twin of a business-minute duration, when there is one.',
  })
  wallClockValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The policy’s target (a value at or beyond it scores 100); null when not graded.',
  })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The policy’s floor (a value at or beyond it scores 0); null when not graded.',
  })
  floor!: number | null;
}

@ObjectType({ description: 'A category of the scorecard with its metrics.' })
export class CategoryScore {
  @Field({
    description:
      'Category key: responsiveness, honesty, channelDiscipline, taskDiscipline, persistence, appointments, process.',
  })
  category!: string;

  @Field(() => Grade, { description: 'The category’s score and letter.' })
  grade!: Grade;

  @Field(() => [MetricValue], {
    description: 'The metrics of this category, in specification order.',
  })
  metrics!: MetricValue[];
}

@ObjectType({ description: 'What the CRM reports beside what the evidence shows.' })
export class CrmRealityPair {
  @Field({
    description: 'firstResponseMedianMin, callsLogged, contactTasksCompleted or clockStops.',
  })
  key!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'What the CRM shows (minutes or a count); null without data.',
  })
  crm!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'What really happened, in the same unit; null without data.',
  })
  reality!: number | null;

  @Field({ description: 'minutes or count.' })
  unit!: string;

  @Field({ description: 'Metric the CRM side is read from (e.g. response.crmMedianMin).' })
  crmMetricId!: string;

  @Field({ description: 'Metric the reality side is read from (e.g. response.trueMedianMin).' })
  realityMetricId!: string;
}

@ObjectType({ description: 'A metric that could not be computed for lack of an evidence source.' })
export class MissingSource {
  @Field({ description: 'The metric id.' })
  metricId!: string;

  @Field(() => [String], {
    description: 'The sources it needs that the store has not sent (telephony, email, …).',
  })
  sources!: string[];
}

@ObjectType({ description: 'Which evidence the report stands on.' })
export class Coverage {
  @Field(() => [String], { description: 'Evidence sources present: crm, telephony, email, text.' })
  sources!: string[];

  @Field(() => Int, { description: 'Metrics with a value.' })
  computable!: number;

  @Field(() => Int, { description: 'All metrics.' })
  total!: number;

  @Field(() => [MissingSource], { description: 'Metrics left empty because a source is missing.' })
  missingSources!: MissingSource[];
}
