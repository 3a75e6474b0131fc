import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks: secrets are `whsec_` + base64 of the HMAC key. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** A receiver accepts a timestamp at most this far from its clock (either way) by default. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

/** The three headers of a signed delivery (lower case, as Node presents them). */
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** Any header bag a receiver has: Node's IncomingHttpHeaders, a plain object or fetch's Headers. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface SignInput {
  /** The message id (Candor's event id): the same on every retry, for receivers to deduplicate. */
  id: string;
  /** When it is sent. */
  timestamp: Date;
  /** The exact bytes of the request body. */
  body: string | Uint8Array;
  /** Every secret that should sign it: during a rotation the new and the previous one. */
  secrets: readonly string[];
}

export type WebhookVerification =
  { valid: true; id: string; timestamp: Date } | { valid: false; reason: string };

export interface VerifyOptions {
  toleranceSeconds?: number;
  now?: Date;
}

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The HMAC key of a secret (with or without the `whsec_` prefix); null when it is not base64. */
function secretKey(secret: string): Buffer | null {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  const key = Buffer.from(encoded, 'base64');
  return key.length >= 16 ? key : null;
}

function hmac(key: Buffer, id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', key)
    .update(`${id}.${timestamp}.`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest();
}

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * The headers of a delivery signed the Standard Webhooks way: `v1,<base64 HMAC-SHA256>` over
 * `${id}.${timestamp}.${body}`, one space-separated signature per secret.
 */
export function signWebhook(input: SignInput): WebhookHeaders {
  if (input.secrets.length === 0) throw new Error('signWebhook needs at least one secret');
  const timestamp = String(unixSeconds(input.timestamp));
  const signatures = input.secrets.map((secret) => {
    const key = secretKey(secret);
    if (!key) throw new Error('not a webhook secret (expected whsec_ followed by base64)');
    return `v1,${hmac(key, input.id, timestamp, input.body).toString('base64')}`;
  });
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const bag = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : bag[key];
  return Array.isArray(value) ? value.join(' ') : (value as string | undefined);
}

/**
 * Checks a delivery as a receiver would: the timestamp within `toleranceSeconds` of `now`
 * (replays of old deliveries fail) and at least one `v1` signature made by one of `secrets`
 * over the exact body received. Compares in constant time.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  headers: HeaderSource,
  body: string | Uint8Array,
  options: VerifyOptions = {},
): WebhookVerification {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signature) {
    return {
      valid: false,
      reason: 'missing webhook-id, webhook-timestamp or webhook-signature header',
    };
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { valid: false, reason: 'webhook-timestamp is not unix seconds' };
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = unixSeconds(options.now ?? new Date());
  const sentAt = Number(timestamp);
  if (sentAt < now - tolerance) return { valid: false, reason: 'timestamp too old' };
  if (sentAt > now + tolerance) return { valid: false, reason: 'timestamp in the future' };

  const offered = signature
    .split(' ')
    .filter((s) => s.startsWith('v1,'))
    .map((s) => Buffer.from(s.slice(3), 'base64'));
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).map(secretKey);
  for (const key of keys) {
    if (!key) continue;
    const expected = hmac(key, id, timestamp, body);
    if (offered.some((o) => o.length === expected.length && timingSafeEqual(o, expected))) {
      return { valid: true, id, timestamp: new Date(sentAt * 1000) };
    }
  }
  return { valid: false, reason: 'no signature matches' };
}
