import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { AppConfig } from '@candor/platform-config';
import {
  createErrorFormatter,
  DEFAULT_QUERY_LIMITS,
  noStorePlugins,
  queryLimitsPlugin,
} from '@candor/platform-graphql';

const logger = new Logger('GraphQL');

/** Apollo at /graphql: schema built from the code, explorer and introspection outside production. */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate', noDuplicatedFields: true },
    introspection: !production,
    playground: false,
    // Batched HTTP requests stay off (Apollo's default): one operation per request, one cost each.
    plugins: [
      ...noStorePlugins(),
      queryLimitsPlugin({ ...DEFAULT_QUERY_LIMITS, maxCost: config.GRAPHQL_COST_CAPACITY }),
      ...(production ? [] : [ApolloServerPluginLandingPageLocalDefault({ embed: true })]),
    ],
    includeStacktraceInErrorResponses: false,
    context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
    formatError: createErrorFormatter({
      maskInternalErrors: production,
      logInternalError: (errorId, error) =>
        logger.error({ errorId, err: error }, 'Unexpected error'),
    }),
  };
}
