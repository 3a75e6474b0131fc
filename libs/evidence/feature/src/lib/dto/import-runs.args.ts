import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@candor/platform-graphql';

@ArgsType()
export class ImportRunsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The store whose imports to list.' })
  storeId!: string;
}
