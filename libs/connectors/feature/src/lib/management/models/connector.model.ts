import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, JSONObjectScalar } from '@candor/platform-graphql';

@ObjectType({
  description: "Where a connector's incremental sync stands and how its last run went.",
})
export class ConnectorSyncStatus {
  @Field(() => Date, {
    nullable: true,
    description: 'When the last sync started (none yet: null).',
  })
  lastStartedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a sync last finished without error.' })
  lastSuccessAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the last sync failed (vendor status and message); null after a success.',
  })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the last failure happened.' })
  lastErrorAt!: Date | null;

  @Field(() => Boolean, {
    description:
      'True once a page was saved: the next sync resumes after it instead of starting over.',
  })
  hasCursor!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the saved position last moved.' })
  cursorUpdatedAt!: Date | null;
}

@ObjectType({
  description:
    'A polled source of evidence for one store (CRM, phone system). Credentials are never returned.',
})
export class Connector {
  @Field(() => ID, { description: 'Opaque id of the connector.' })
  id!: string;

  @Field(() => ID, { description: 'The store it reads for.' })
  storeId!: string;

  @Field({ description: 'The vendor: twilio, elead or vinsolutions.' })
  kind!: string;

  @Field({ description: 'Human name of the kind, e.g. "Twilio calls".' })
  title!: string;

  @Field({ description: 'Name given by the consultant.' })
  displayName!: string;

  @Field(() => JSONObjectScalar, { description: 'Non-secret settings (e.g. since, baseUrl).' })
  settings!: Record<string, unknown>;

  @Field({ description: 'Whether credentials are stored (they are sealed and never shown).' })
  hasCredentials!: boolean;

  @Field({ description: 'Disabled connectors are not synced.' })
  enabled!: boolean;

  @Field(() => Int, { description: 'Minutes between scheduled syncs.' })
  syncIntervalMinutes!: number;

  @Field(() => ConnectorSyncStatus, { description: 'State of the incremental sync.' })
  syncStatus!: ConnectorSyncStatus;

  @Field(() => Int, {
    description: 'Failed syncs waiting for a consultant (see connectorDeadLetters).',
  })
  openDeadLetters!: number;

  @Field({ description: 'When the connector was added.' })
  createdAt!: Date;

  @Field({ description: 'When its configuration last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: "A page of a store's connectors, by name." })
export class ConnectorConnection extends Connection(Connector, 'Connector') {}
