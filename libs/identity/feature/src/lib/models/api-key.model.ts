import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An API key for a third party (its secret is shown only once).' })
export class ApiKey {
  @Field(() => ID, { description: 'Opaque id of the key.' })
  id!: string;

  @Field({ description: 'Name given by the owner.' })
  name!: string;

  @Field({ description: 'Visible prefix: keys look like ck_<prefix>_<secret>.' })
  prefix!: string;

  @Field(() => [String], { description: 'Actions the key may perform, e.g. scorecards:read.' })
  scopes!: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Stores the key is restricted to; null for every store.',
  })
  storeIds!: string[] | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it stops working.' })
  expiresAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked.' })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Last use (updated at most once a minute).',
  })
  lastUsedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { description: 'When it was created.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A new API key with its secret (shown only this once).' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The key.' })
  apiKey!: ApiKey;

  @Field({ description: 'The full key to give the third party; it cannot be shown again.' })
  secret!: string;
}
