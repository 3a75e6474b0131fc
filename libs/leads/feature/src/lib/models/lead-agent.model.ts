import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A CRM user of a store, as the evidence names them.' })
export class LeadAgent {
  @Field(() => ID, { description: 'Opaque id of the agent (store and CRM user id).' })
  id!: string;

  @Field({ description: 'The CRM user id the evidence uses.' })
  crmUserId!: string;

  @Field(() => String, { nullable: true, description: "Name from the store's user records." })
  name!: string | null;
}
