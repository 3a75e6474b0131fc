import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What a regrade request did.' })
export class RegradeResult {
  @Field(() => Int, { description: 'Reports graded now, in this request.' })
  graded!: number;

  @Field(() => Int, { description: 'Reports marked stale, graded by the worker shortly.' })
  queued!: number;
}
