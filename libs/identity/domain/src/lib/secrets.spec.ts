import { describe, expect, it } from 'vitest';
import {
  newApiKey,
  newRefreshToken,
  parseApiKey,
  parseRefreshToken,
  passwordProblem,
} from './secrets';

describe('identity secrets', () => {
  it('round-trips refresh tokens and refuses forged shapes', () => {
    const cid = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
    expect(parseRefreshToken(newRefreshToken(cid))).toEqual({ consultancyId: cid });
    expect(parseRefreshToken(`${cid}.short`)).toBeNull();
    expect(parseRefreshToken('not-a-token')).toBeNull();
  });

  it('gives API keys a visible prefix', () => {
    const { key, prefix } = newApiKey();
    expect(key.startsWith(`ck_${prefix}_`)).toBe(true);
    expect(parseApiKey(key)).toEqual({ prefix });
    expect(parseApiKey('ck_zz_x')).toBeNull();
  });

  it('refuses short passwords and ones containing the e-mail name', () => {
    expect(passwordProblem('short')).toMatch(/12 characters/);
    expect(passwordProblem('morgan-summit-2026', 'morgan@x.example')).toMatch(/e-mail/);
    expect(passwordProblem('correct horse battery', 'morgan@x.example')).toBeNull();
  });
});
