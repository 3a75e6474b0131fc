import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One step of the expected follow-up cadence.' })
export class PolicyCadenceStep {
  @Field(() => Float, {
    description: "Days after day 0 (the first business day at or after the lead's arrival).",
  })
  day!: number;

  @Field({ description: 'call, email or text.' })
  channel!: string;
}

@ObjectType({
  description:
    'How one metric turns into a 0–100 subscore: clamp((value − floor) / (target − floor), 0, 1) ' +
    '× 100; floor above target means lower is better.',
})
export class PolicyMetricGrading {
  @Field({ description: 'Metric id of the scoring specification, e.g. response.trueMedianMin.' })
  metricId!: string;

  @Field({ description: 'Category the metric counts towards, e.g. responsiveness.' })
  category!: string;

  @Field({ description: 'False: the metric is reported but never graded (floor/target null).' })
  graded!: boolean;

  @Field(() => Float, { nullable: true, description: 'Value that scores 0.' })
  floor!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value that scores 100.' })
  target!: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight inside its category.' })
  weight!: number | null;

  @Field({ description: 'True: |value| is graded (indexes where both signs are bad).' })
  absolute!: boolean;
}

@ObjectType({ description: 'Weight of each category in the overall score.' })
export class PolicyCategoryWeights {
  @Field(() => Float, { description: 'Responsiveness.' })
  responsiveness!: number;

  @Field(() => Float, { description: 'Honesty (clock stops, verification).' })
  honesty!: number;

  @Field(() => Float, { description: 'Channel discipline.' })
  channelDiscipline!: number;

  @Field(() => Float, { description: 'Task discipline.' })
  taskDiscipline!: number;

  @Field(() => Float, { description: 'Persistence.' })
  persistence!: number;

  @Field(() => Float, { description: 'Appointments.' })
  appointments!: number;

  @Field(() => Float, { description: 'Process (cadence, timing).' })
  process!: number;
}
