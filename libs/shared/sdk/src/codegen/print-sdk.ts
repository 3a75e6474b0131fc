import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GENERATED_FILE, generateSdk } from './sdk-codegen';

/** `npm run sdk:generate` writes the SDK's generated TypeScript; without --write it checks for drift. */
async function main(): Promise<void> {
  const generated = await generateSdk();
  if (process.argv.includes('--write')) {
    mkdirSync(dirname(GENERATED_FILE), { recursive: true });
    writeFileSync(GENERATED_FILE, generated);
    process.stdout.write(`wrote ${GENERATED_FILE}\n`);
    return;
  }
  let committed = '';
  try {
    committed = readFileSync(GENERATED_FILE, 'utf8');
  } catch {
    // A missing file is drift like any other.
  }
  if (committed !== generated) {
    console.error(`${GENERATED_FILE} is out of date: run npm run sdk:generate`);
    process.exit(1);
  }
  process.stdout.write('the SDK is up to date\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
