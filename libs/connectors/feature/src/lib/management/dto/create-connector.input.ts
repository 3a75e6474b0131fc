import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { JSONObjectScalar } from '@candor/platform-graphql';

@InputType({ description: 'A new connector for a store.' })
export class CreateConnectorInput {
  @Field(() => ID, { description: 'The store it reads for.' })
  storeId!: string;

  @Field({ description: 'The vendor: twilio, elead or vinsolutions.' })
  kind!: string;

  @Field({ description: 'A name for the consultant, e.g. "Main line".' })
  displayName!: string;

  @Field(() => JSONObjectScalar, {
    description:
      'Non-secret settings; twilio: {since: "YYYY-MM-DD", baseUrl?, transcripts?}; ' +
      'elead: {subscriptionId, since, baseUrl?, tokenUrl?, scope?}; ' +
      'vinsolutions: {dealerId, since, baseUrl?, tokenUrl?, scope?}.',
  })
  settings!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, {
    description:
      'Secrets, sealed before storage and never returned; twilio: {accountSid, authToken, apiKeySid?}; ' +
      'elead: {clientId, clientSecret}; vinsolutions: {clientId, clientSecret, apiKey}.',
  })
  credentials!: Record<string, unknown>;

  @Field(() => Boolean, { nullable: true, description: 'Sync on schedule (default true).' })
  enabled?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes between scheduled syncs (1–10080, default 60).',
  })
  syncIntervalMinutes?: number | null;
}
