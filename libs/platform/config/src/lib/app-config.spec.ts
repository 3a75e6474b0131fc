import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://app@localhost:5432/candor',
  AUTH_JWT_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('accepts a minimal environment and fills non-secret defaults', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.CANDOR_DEV_TOKENS).toBe(false);
  });

  it('names every missing or malformed setting in one readable message', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://nope', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('DATABASE_URL: must start with postgres://');
    expect(message).toContain('AUTH_JWT_SECRET: is required');
    expect(message).toContain('PORT:');
  });

  it('has no default secret: a short secret is rejected', () => {
    expect(() => loadConfig({ ...valid, AUTH_JWT_SECRET: 'short' })).toThrow(
      /AUTH_JWT_SECRET: must be at least 32 characters/,
    );
  });

  it('refuses the development token issuer in production', () => {
    expect(() =>
      loadConfig({ ...valid, NODE_ENV: 'production', CANDOR_DEV_TOKENS: 'true' }),
    ).toThrow(/CANDOR_DEV_TOKENS: the development token issuer must not be enabled in production/);
  });
});
