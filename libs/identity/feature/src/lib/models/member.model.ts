import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';
import { Role } from '@candor/tenancy-feature';

@ObjectType({
  description:
    "A dealer agent's evidence user id at a store: the CRM user id of the evidence bundle " +
    '(e.g. u-17) whose work is theirs.',
})
export class AgentIdentity {
  @Field(() => ID, { description: 'Opaque id of the link.' })
  id!: string;

  @Field(() => ID, { description: 'The agent (a User id).' })
  userId!: string;

  @Field(() => ID, { description: 'The store whose evidence uses this id.' })
  storeId!: string;

  @Field({ description: 'The user id as it appears in that store’s evidence (CRM user id).' })
  crmUserId!: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was linked.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A person with a role in the active consultancy.' })
export class Member {
  @Field(() => ID, { description: 'Opaque id of the person (a User id).' })
  id!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Sign-in e-mail address.' })
  email!: string;

  @Field(() => Role, { description: 'Role held in this consultancy.' })
  role!: (typeof Role)[keyof typeof Role];

  @Field(() => [ID], { description: 'Stores assigned to them (owners see every store).' })
  storeIds!: string[];

  @Field(() => [AgentIdentity], {
    description: 'Evidence user ids that are their own work (dealer agents), in stores you see.',
  })
  agentIdentities!: AgentIdentity[];
}

@ObjectType({ description: 'A page of members.' })
export class MemberConnection extends Connection(Member, 'Member') {}

@InputType({ description: 'Links a dealer agent to an evidence user id at one of their stores.' })
export class LinkAgentIdentityInput {
  @Field(() => ID, { description: 'The agent (a User id); must be assigned to the store.' })
  userId!: string;

  @Field(() => ID, { description: 'The store.' })
  storeId!: string;

  @Field({ description: 'The CRM user id in that store’s evidence, e.g. u-17.' })
  crmUserId!: string;
}
