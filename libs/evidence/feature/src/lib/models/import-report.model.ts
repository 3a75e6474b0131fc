import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One problem with one line of an imported bundle.' })
export class RejectedLine {
  @Field(() => Int, { description: '1-based line number in the bundle (blank lines count).' })
  line!: number;

  @Field({
    description:
      'The field at fault: a path like `customer.emails[1]`, `type`, `(record)`, `(line)` or `(file)`.',
  })
  field!: string;

  @Field({ description: 'Why the line was rejected, for a person.' })
  reason!: string;
}

@ObjectType({
  description:
    'What an import did. Every line of the bundle is exactly one of accepted, updated, duplicate, rejected or blank.',
})
export class ImportReport {
  @Field(() => ID, { description: 'Id of the import run (see importRuns).' })
  runId!: string;

  @Field({ description: 'running, completed or failed.' })
  status!: string;

  @Field(() => Int, { description: 'Lines in the bundle.' })
  lines!: number;

  @Field(() => Int, { description: 'Lines that added a new record.' })
  accepted!: number;

  @Field(() => Int, {
    description: 'Lines that changed a known record (its previous version is kept).',
  })
  updated!: number;

  @Field(() => Int, {
    description: 'Lines whose record was already stored unchanged, or repeated in the bundle.',
  })
  duplicate!: number;

  @Field(() => Int, { description: 'Lines rejected (see rejections).' })
  rejected!: number;

  @Field(() => Int, { description: 'Empty lines.' })
  blank!: number;

  @Field(() => [RejectedLine], {
    description: 'The first rejected lines, one entry per problem, in line order.',
  })
  rejections!: RejectedLine[];

  @Field(() => Int, {
    description:
      'Problems listed for this import (up to 1,000 are kept per run; `rejected` counts every rejected line).',
  })
  rejectionsTotal!: number;
}
