import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, JSONObjectScalar } from '@candor/platform-graphql';

@ObjectType({
  description:
    'One saved version of a grading policy level (the consultancy, or one store): the whole ' +
    'overrides document of that level at that time. Versions are never edited or deleted.',
})
export class PolicyVersion {
  @Field(() => ID, { description: 'Opaque id of the version.' })
  id!: string;

  @Field(() => ID, { nullable: true, description: 'The store it is for; null: consultancy-wide.' })
  storeId!: string | null;

  @Field(() => Int, { description: '1, 2, … within its level (the consultancy, or the store).' })
  number!: number;

  @Field({
    description:
      '`c<number>` for a consultancy version, `s<number>` for a store version: the parts of ' +
      'the policy version a report names (e.g. `c3.s2`).',
  })
  label!: string;

  @Field(() => JSONObjectScalar, {
    description: 'The overrides saved, exactly as given ({} for a reset).',
  })
  overrides!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Why it was changed, as the editor wrote.' })
  note!: string | null;

  @Field(() => ID, { description: 'Id of the user who saved it.' })
  createdBy!: string;

  @Field({ description: 'When it was saved.' })
  createdAt!: Date;
}

@ObjectType({ description: 'A page of saved policy versions, newest first.' })
export class PolicyVersionConnection extends Connection(PolicyVersion, 'PolicyVersion') {}
