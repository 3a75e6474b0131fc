import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';

@InputType({ description: 'A new API key.' })
export class CreateApiKeyInput {
  @Field({ description: 'A name to recognise it by.' })
  name!: string;

  @Field(() => [String], { description: 'Actions it may perform, e.g. scorecards:read.' })
  scopes!: string[];

  @Field(() => [ID], { nullable: true, description: 'Restrict it to these stores.' })
  storeIds?: string[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stops working.' })
  expiresAt?: Date | null;
}
