import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';

@ObjectType({ description: 'One import of evidence into a store (a file, an upload, a webhook).' })
export class ImportRun {
  @Field(() => ID, { description: 'Opaque id of the run.' })
  id!: string;

  @Field({ description: 'The system the records came from (`bundle` unless given).' })
  source!: string;

  @Field({ description: 'How the data arrived: file, upload, webhook or sync.' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Name of the imported file, if any.' })
  fileName!: string | null;

  @Field({ description: 'running, completed or failed.' })
  status!: string;

  @Field(() => Int, { description: 'Lines in the input (known once the run completed).' })
  lines!: number;

  @Field(() => Int, { description: 'Lines committed so far (a rerun resumes after them).' })
  linesCommitted!: number;

  @Field(() => Int, { description: 'Lines that added a new record.' })
  accepted!: number;

  @Field(() => Int, { description: 'Lines that changed a known record.' })
  updated!: number;

  @Field(() => Int, { description: 'Lines already stored unchanged, or repeated in the input.' })
  duplicate!: number;

  @Field(() => Int, { description: 'Lines rejected.' })
  rejected!: number;

  @Field(() => String, { nullable: true, description: 'Why the run stopped, when it failed.' })
  error!: string | null;

  @Field({ description: 'When the run started.' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the run completed or failed.' })
  finishedAt!: Date | null;
}

@ObjectType({ description: 'A page of import runs, newest first.' })
export class ImportRunConnection extends Connection(ImportRun, 'ImportRun') {}
