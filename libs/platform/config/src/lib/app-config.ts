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
    /** Query-cost points a consultancy's bucket holds (also the largest single query). */
    GRAPHQL_COST_CAPACITY: z.coerce.number().int().min(10).max(1_000_000).default(1000),
    /** Query-cost points restored per second. */
    GRAPHQL_COST_RESTORE_PER_SECOND: z.coerce.number().min(0.1).max(100_000).default(50),
    /** Lifetime of access tokens (short: a stolen one is useful only briefly). */
    AUTH_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    /** Lifetime of a refresh token (each is single use; a sign-in lasts this long idle). */
    AUTH_REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(300)
      .max(90 * 86_400)
      .default(30 * 86_400),
    /** Failed sign-ins per account before lockout (then back-off doubles from 30 s). */
    AUTH_ACCOUNT_LOCKOUT_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    /** Failed sign-ins per client IP before lockout. */
    AUTH_IP_LOCKOUT_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
    /**
     * Key that encrypts connector credentials (AES-256-GCM): base64 of 32 random bytes. No
     * default; only the code paths that store or open credentials require it.
     */
    CANDOR_SECRETS_KEY: z
      .string()
      .refine(
        (v) => Buffer.from(v, 'base64').length === 32,
        'must be the base64 encoding of exactly 32 bytes (e.g. `openssl rand -base64 32`)',
      )
      .optional(),
    /** How often the worker sends due webhook deliveries (ms); 0 turns delivery off there. */
    WEBHOOK_DELIVERY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
    /** SMTP server for invitations and password resets; unset: mails are logged, not sent. */
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Candor <no-reply@localhost>'),
    /** Where people open links from e-mails (the portal), without a trailing slash. */
    PUBLIC_URL: z
      .string()
      .url()
      .transform((v) => v.replace(/\/+$/, ''))
      .default('http://localhost:3000'),
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
