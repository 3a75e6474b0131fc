import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';
import { API_RESOLVERS } from './api-resolvers';

export const SCHEMA_FILE = join(__dirname, '..', '..', 'schema.gql');

const HEADER = `# Candor public GraphQL schema. Generated from the code by \`npm run schema:generate\`;
# do not edit by hand. The tests fail when this file and the code disagree.
`;

/** The committed form of a schema: sorted, printed, with a header. */
export function printApiSchema(schema: GraphQLSchema): string {
  return `${HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Builds the schema from the resolver classes alone (no database, no HTTP). */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    return await app
      .get(GraphQLSchemaFactory)
      .create(API_RESOLVERS, { dateScalarMode: 'isoDate', noDuplicatedFields: true });
  } finally {
    await app.close();
  }
}
