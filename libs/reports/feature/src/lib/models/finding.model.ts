import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

export enum FindingSeverity {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
}

registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How much a finding weighs.',
  valuesMap: {
    LOW: { description: 'Worth knowing.' },
    MEDIUM: { description: 'Worth coaching.' },
    HIGH: { description: 'A customer was let down or a record was faked.' },
  },
});

@ObjectType({
  description: 'Evidence behind a penalty: what a consultant shows a dealer as proof.',
})
export class Finding {
  @Field(() => ID, { description: 'Opaque id, stable while the finding stays in its report.' })
  id!: string;

  @Field({ description: 'The metric it counts against (a metric id of the specification).' })
  metricId!: string;

  @Field(() => FindingSeverity, { description: 'Low, medium or high.' })
  severity!: FindingSeverity;

  @Field({ description: 'What happened, in words a dealer understands.' })
  message!: string;

  @Field(() => [String], { description: 'Ids of the evidence records behind it, as imported.' })
  eventIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The lead it is about (its id in the evidence).',
  })
  leadId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Opaque id of the lead (for `lead(id)`).' })
  leadGlobalId!: string | null;

  @Field(() => String, { nullable: true, description: 'The CRM user id of the agent it is about.' })
  userId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Opaque id of the agent (for `agentScorecard`).',
  })
  agentId!: string | null;

  @Field(() => ID, { description: 'The store.' })
  storeId!: string;

  @Field({ description: 'The report period it was found in (e.g. 2026-W10).' })
  periodLabel!: string;

  @Field({ description: 'When Candor first found it.' })
  firstSeenAt!: Date;
}

@ObjectType({ description: 'A page of findings in report order.' })
export class FindingConnection extends Connection(Finding, 'Finding') {}
