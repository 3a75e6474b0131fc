import { readFileSync, writeFileSync } from 'node:fs';
import { buildApiSchema, printApiSchema, SCHEMA_FILE } from './schema-printer';

/** `npm run schema:generate` writes apps/api/schema.gql; without --write it checks for drift. */
async function main(): Promise<void> {
  const printed = printApiSchema(await buildApiSchema());
  if (process.argv.includes('--write')) {
    writeFileSync(SCHEMA_FILE, printed);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    return;
  }
  if (readFileSync(SCHEMA_FILE, 'utf8') !== printed) {
    console.error(`${SCHEMA_FILE} is out of date: run npm run schema:generate`);
    process.exit(1);
  }
  process.stdout.write('schema.gql is up to date\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
