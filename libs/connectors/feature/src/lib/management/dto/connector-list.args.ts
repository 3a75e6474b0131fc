import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionArgs } from '@candor/platform-graphql';

@ArgsType()
export class StoreConnectorsArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The store whose connectors (or tokens) to list.' })
  storeId!: string;
}

@ArgsType()
export class ConnectorDeadLettersArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The connector whose open dead letters to list.' })
  connectorId!: string;
}
