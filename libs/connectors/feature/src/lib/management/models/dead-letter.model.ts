import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

@ObjectType({ description: 'A sync that failed for good after its retries, with the reason.' })
export class ConnectorDeadLetter {
  @Field(() => ID, { description: 'Opaque id of the dead letter.' })
  id!: string;

  @Field(() => ID, { description: 'The connector whose sync failed.' })
  connectorId!: string;

  @Field({ description: 'The queue job that failed (for operators).' })
  jobId!: string;

  @Field({ description: 'What the job was doing, e.g. `twilio sync of "Main line"`.' })
  summary!: string;

  @Field({ description: 'Why it failed: the vendor status and message, never a stack trace.' })
  reason!: string;

  @Field(() => Int, { description: 'Attempts made before giving up.' })
  attempts!: number;

  @Field({ description: 'When the last attempt failed.' })
  failedAt!: Date;
}

@ObjectType({ description: 'A page of open dead letters, newest first.' })
export class ConnectorDeadLetterConnection extends Connection(
  ConnectorDeadLetter,
  'ConnectorDeadLetter',
) {}
