import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { LeadAgent } from './lead-agent.model';
import { LeadTimelineEntry } from './timeline-entry.model';

@ObjectType({ description: 'The shopper behind a lead, as the lead record gives them.' })
export class LeadCustomer {
  @Field(() => String, { nullable: true, description: 'Name.' })
  name!: string | null;

  @Field(() => [String], { description: 'Phone numbers, as given.' })
  phones!: string[];

  @Field(() => [String], { description: 'E-mail addresses, as given.' })
  emails!: string[];
}

@ObjectType({ description: 'The vehicle a lead asks about.' })
export class LeadVehicle {
  @Field(() => Int, { nullable: true, description: 'Model year.' })
  year!: number | null;

  @Field(() => String, { nullable: true, description: 'Make.' })
  make!: string | null;

  @Field(() => String, { nullable: true, description: 'Model.' })
  model!: string | null;

  @Field(() => String, { nullable: true, description: 'new, used, …' })
  status!: string | null;
}

@ObjectType({
  description:
    'A lead with every piece of its evidence and what Candor judges of it, as of now, by the ' +
    "store's policy.",
})
export class Lead {
  @Field(() => ID, { description: 'Opaque id of the lead (its store and evidence id).' })
  id!: string;

  /** Candor's id of the lead's store (the `store` field resolves it). */
  storeId!: string;

  @Field({ description: 'The id the evidence gave the lead.' })
  externalId!: string;

  @Field({ description: 'When the lead reached the store.' })
  receivedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the shopper submitted it.' })
  requestedAt!: Date | null;

  @Field({ description: 'internet, phone, walk_in or other.' })
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the lead came from (cars.com, the dealer website, …).',
  })
  provider!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The import source the lead record is stored under (`bundle`, a connector).',
  })
  source!: string | null;

  @Field(() => LeadCustomer, { description: 'The shopper.' })
  customer!: LeadCustomer;

  @Field(() => LeadVehicle, { nullable: true, description: 'The vehicle asked about.' })
  vehicle!: LeadVehicle | null;

  @Field(() => String, { nullable: true, description: "The shopper's comments." })
  comments!: string | null;

  @Field(() => LeadAgent, {
    nullable: true,
    description: 'The agent the lead is assigned to at arrival (who answers for it).',
  })
  assignedAgent!: LeadAgent | null;

  @Field(() => String, {
    nullable: true,
    description: 'Latest CRM status by now (active, lost, bad, inactive, sold); null: none.',
  })
  status!: string | null;

  @Field({ description: 'Whether a sale (or a sold status) was recorded by now.' })
  sold!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was sold.' })
  soldAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The first genuine attempt, if any.' })
  firstGenuineAttemptAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'The first CRM-reported response: the earliest claim or genuine attempt.',
  })
  firstCrmResponseAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Business minutes from arrival to the first genuine attempt; null: none yet.',
  })
  trueResponseMin!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Business minutes from arrival to the first CRM-reported response; null: none.',
  })
  crmResponseMin!: number | null;

  @Field({
    description:
      'Whether the first CRM-reported response is an uncorroborated claim with no genuine ' +
      'attempt within the grace minutes (a clock stop).',
  })
  clockStopped!: boolean;

  @Field(() => Int, { description: 'Genuine attempts so far.' })
  genuineAttempts!: number;

  @Field({ description: 'The moment the evidence was judged at (the request time).' })
  asOf!: Date;

  @Field(() => [LeadTimelineEntry], {
    description: 'Every record of the lead in time order, claims with their corroboration.',
  })
  timeline!: LeadTimelineEntry[];
}
