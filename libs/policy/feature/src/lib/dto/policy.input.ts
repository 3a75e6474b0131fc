import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ConnectionArgs, JSONObjectScalar } from '@candor/platform-graphql';

@InputType({ description: 'A new version of one policy level (the consultancy, or a store).' })
export class UpdatePolicyInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The store whose overrides to replace; omit for the consultancy-wide policy.',
  })
  storeId?: string | null;

  @Field(() => JSONObjectScalar, {
    description:
      'The whole overrides document of this level, in the form of `candor grade --policy` ' +
      '(e.g. {"neglectDays": 5, "grading": {"response.trueMedianMin": {"floor": 60, "target": 10}}}). ' +
      "It replaces the level's previous overrides (it is not merged into them); a store's " +
      'apply on top of the consultancy policy. Every setting is checked; `version` is set by Candor.',
  })
  overrides!: Record<string, unknown>;

  @Field(() => String, {
    nullable: true,
    description: 'Why (kept with the version, ≤ 2000 characters).',
  })
  note?: string | null;
}

@ArgsType()
export class PolicyVersionsArgs extends ConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The store whose versions to list; omit for the consultancy-wide versions.',
  })
  storeId?: string | null;
}
