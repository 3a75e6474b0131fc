import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const postgresUrl = z
  .string()
  .url('must be a URL like postgres://user:password@host:5432/database')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

/**
 * Every setting Candor reads from the environment. Secrets have no defaults: a missing secret
 * stops the process at boot with a message naming it.
 */
export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATABASE_URL: postgresUrl,
    DATABASE_OWNER_URL: postgresUrl.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_JWT_SECRET: z
      .string({ error: 'is required (a random string of at least 32 characters)' })
      .min(32, 'must be at least 32 characters long'),
    AUTH_TOKEN_ISSUER: z.string().min(1).default('candor'),
    CANDOR_DEV_TOKENS: booleanFlag,
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && c.CANDOR_DEV_TOKENS) {
      ctx.addIssue({
        code: 'custom',
        path: ['CANDOR_DEV_TOKENS'],
        message: 'the development token issuer must not be enabled in production',
      });
    }
  });

export type AppConfig = z.infer<typeof appConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once; throws a ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = appConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(environment)';
    const message =
      issue.code === 'invalid_type' && issue.input === undefined && !issue.message.startsWith('is ')
        ? 'is required'
        : issue.message;
    return `${key}: ${message}`;
  });
  throw new ConfigError(problems);
}
