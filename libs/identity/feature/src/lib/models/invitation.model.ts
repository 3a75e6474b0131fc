import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An invitation that was e-mailed.' })
export class Invitation {
  @Field(() => ID, { description: 'Opaque id of the invitation.' })
  id!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the link stops working.' })
  expiresAt!: Date;
}
