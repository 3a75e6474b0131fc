import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILE, generateSdk } from './sdk-codegen';

describe('the generated SDK', () => {
  it('is exactly what codegen makes of schema.gql and the operations (run `npm run sdk:generate` after changing either)', async () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(await generateSdk());
  });
});
