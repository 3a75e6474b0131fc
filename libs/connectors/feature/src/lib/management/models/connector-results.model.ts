import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Outcome of testConnector: the first page was fetched, not imported.' })
export class ConnectorTestResult {
  @Field({ description: 'True when the vendor answered with data Candor can read.' })
  ok!: boolean;

  @Field({ description: 'What happened, with the vendor status and message on failure.' })
  message!: string;

  @Field(() => Int, { description: 'Records the first page would add.' })
  recordsOnFirstPage!: number;

  @Field(() => Int, { description: 'Items on the first page that could not be read.' })
  rejectedOnFirstPage!: number;
}

@ObjectType({ description: 'Outcome of syncConnector.' })
export class ConnectorSyncRequest {
  @Field({ description: 'False when a sync of this connector was already waiting to run.' })
  queued!: boolean;

  @Field(() => ID, { nullable: true, description: 'The queued job, when one was queued.' })
  jobId!: string | null;
}
