export * from './generated/graphql';
export { CandorApiError, type CandorApiErrorDetails } from './lib/candor-api-error';
export {
  type CandorClient,
  type CandorClientOptions,
  createCandorClient,
  type VariablesArgs,
} from './lib/candor-client';
export type {
  CandorResponse,
  GraphQLErrorItem,
  QueryCost,
  ResponseExtensions,
} from './lib/graphql-response';
