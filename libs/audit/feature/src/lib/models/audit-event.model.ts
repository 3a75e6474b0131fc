import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

@ObjectType({ description: 'One entry of the append-only, hash-chained audit trail.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Opaque id of the event.' })
  id!: string;

  @Field(() => Int, { description: 'Position in the consultancy chain, from 1.' })
  seq!: number;

  @Field(() => GraphQLISODateTime, { description: 'When it happened.' })
  occurredAt!: Date;

  @Field({ description: 'Who acted: user, api_key or anonymous (a failed sign-in).' })
  actorType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the user or API key that acted.' })
  actorId!: string | null;

  @Field({ description: 'What happened, e.g. auth.sign_in, mutation.updateStore.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Kind of thing acted on, e.g. store.' })
  entityType!: string | null;

  @Field(() => String, { nullable: true, description: 'Id of the thing acted on.' })
  entityId!: string | null;

  @Field(() => String, { nullable: true, description: 'State before, as JSON (secrets redacted).' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'State after, as JSON (secrets redacted).' })
  after!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Other details as JSON (arguments, reasons).',
  })
  details!: string | null;

  @Field(() => String, { nullable: true, description: 'Client IP address.' })
  ip!: string | null;

  @Field(() => String, { nullable: true, description: 'Client user agent.' })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: 'Request id, to match the logs.' })
  requestId!: string | null;

  @Field({ description: 'sha256 over this event and the hash of the one before it.' })
  hash!: string;
}

@ObjectType({ description: 'A page of audit events, newest first.' })
export class AuditEventConnection extends Connection(AuditEvent, 'AuditEvent') {}

@ObjectType({ description: 'Result of verifying the audit chain of the active consultancy.' })
export class AuditChainReport {
  @Field({ description: 'True when no event was edited, deleted or reordered.' })
  intact!: boolean;

  @Field(() => Int, { description: 'Number of events checked.' })
  checkedEvents!: number;

  @Field(() => Int, { nullable: true, description: 'The first seq that breaks the chain.' })
  firstBrokenSeq!: number | null;

  @Field(() => String, { nullable: true, description: 'Why that event breaks the chain.' })
  reason!: string | null;
}
