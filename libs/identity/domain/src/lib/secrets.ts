import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** sha256 of a high-entropy secret (refresh tokens, API keys): no slow hash needed for those. */
export function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

export function sameHash(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** 256 random bits, url-safe. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refresh tokens are `<consultancyId>.<secret>`: the tenant part lets the server open the right
 * row-level-security scope before looking the token up; only the secret's hash is stored.
 */
export function newRefreshToken(consultancyId: string): string {
  return `${consultancyId}.${randomSecret()}`;
}

export function parseRefreshToken(token: string): { consultancyId: string } | null {
  const [cid, secret, ...rest] = token.split('.');
  if (!cid || !secret || rest.length > 0 || !UUID.test(cid) || secret.length < 40) return null;
  return { consultancyId: cid.toLowerCase() };
}

/** API keys are `ck_<prefix>_<secret>`; the prefix is shown in lists, the secret only once. */
export function newApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('hex');
  return { key: `ck_${prefix}_${randomSecret()}`, prefix };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const match = /^ck_([0-9a-f]{12})_([A-Za-z0-9_-]{40,})$/.exec(key);
  return match?.[1] ? { prefix: match[1] } : null;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters long';
  if (password.length > 200) return 'must be at most 200 characters long';
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0] ?? '\0')) {
    return 'must not contain your e-mail name';
  }
  return null;
}
