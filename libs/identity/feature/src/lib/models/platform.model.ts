import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';
import { Invitation } from './invitation.model';

@ObjectType({
  description: 'A consultancy (tenant) as platform staff see it: name and counts, no tenant data.',
})
export class ConsultancySummary {
  @Field(() => ID, { description: 'Opaque id of the consultancy.' })
  id!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Number of stores.' })
  storeCount!: number;

  @Field(() => Int, { description: 'Number of members (people with a role there).' })
  memberCount!: number;
}

@ObjectType({ description: 'A page of consultancies.' })
export class ConsultancySummaryConnection extends Connection(
  ConsultancySummary,
  'ConsultancySummary',
) {}

@ObjectType({ description: 'Result of createConsultancy.' })
export class CreateConsultancyPayload {
  @Field(() => ConsultancySummary, { description: 'The new consultancy.' })
  consultancy!: ConsultancySummary;

  @Field(() => Invitation, { description: 'The invitation e-mailed to its first owner.' })
  ownerInvitation!: Invitation;
}
