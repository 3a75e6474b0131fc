import { Module } from '@nestjs/common';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const IDENTITY_RESOLVERS: Function[] = [];

@Module({})
export class IdentityModule {}
