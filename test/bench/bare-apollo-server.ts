import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

/**
 * The baseline of `npm run bench:api`, in its own process like the API: a bare Apollo Server
 * with the API's schema (apps/api/schema.gql) whose root fields answer the data captured from
 * one real API response, so it returns the same shape with no auth, database or limits.
 * Usage: bare-apollo-server.ts <schema.gql> <data.json>; prints its URL.
 */
async function main(): Promise<void> {
  const [schemaFile, dataFile] = process.argv.slice(2);
  if (!schemaFile || !dataFile)
    throw new Error('usage: bare-apollo-server.ts <schema.gql> <data.json>');
  const typeDefs = readFileSync(schemaFile, 'utf8');
  const data = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, unknown>;
  const Query = Object.fromEntries(Object.keys(data).map((field) => [field, () => data[field]]));
  const server = new ApolloServer({ typeDefs, resolvers: { Query } });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  process.stdout.write(`bare Apollo Server at ${url}\n`);
  const stop = () => {
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
