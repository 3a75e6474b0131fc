import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

@ObjectType({
  description:
    'A token that lets lead providers and telephony push evidence to one store (never shown again).',
})
export class IngestToken {
  @Field(() => ID, { description: 'Opaque id of the token.' })
  id!: string;

  @Field(() => ID, { description: 'The store it pushes to.' })
  storeId!: string;

  @Field({ description: 'First characters of the token, to recognize it (e.g. `cit_AbC…`).' })
  tokenPrefix!: string;

  @Field({ description: 'When it was issued.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it last authenticated a push.' })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while active.' })
  revokedAt!: Date | null;
}

@ObjectType({ description: "A page of a store's ingest tokens, newest first." })
export class IngestTokenConnection extends Connection(IngestToken, 'IngestToken') {}

@ObjectType({ description: 'A new ingest token: the only time the token itself is shown.' })
export class IssuedIngestToken {
  @Field(() => IngestToken, { description: 'The stored token (without its secret).' })
  ingestToken!: IngestToken;

  @Field({ description: 'The token (`cit_…`). Copy it now: only its hash is kept.' })
  token!: string;

  @Field({ description: 'Where lead providers POST ADF XML (or whole e-mails) for this store.' })
  adfUrl!: string;

  @Field({ description: "Twilio's status callback URL for this store's calls." })
  twilioStatusUrl!: string;
}
