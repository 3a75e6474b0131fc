import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CandorException, ErrorCode } from '@candor/shared-errors';

export const ACCESS_TOKEN_AUDIENCE = 'candor-api';

export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Active consultancy id; null only for a platform admin signed in without a membership. */
  cid: string | null;
  /** Marks platform staff; the guard still confirms it in the database on every request. */
  pa?: boolean;
}

export interface TokenSettings {
  secret: string;
  issuer: string;
}

/**
 * The HMAC key built once per secret: `jsonwebtoken` otherwise re-creates a KeyObject from the
 * secret string on every verification (6 % of an API request's CPU under load).
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/**
 * Tokens verified lately, with their claims, until they expire: a client sends the same token
 * with every request, and `jsonwebtoken` would decode, parse and check it again each time. An
 * entry counts only for the secret and issuer it was verified with. Bounded; oldest out first.
 */
const MAX_VERIFIED_TOKENS = 10_000;
interface Verified {
  claims: AccessTokenClaims;
  expiresAtMs: number;
  secret: string;
  issuer: string;
}
const verified = new Map<string, Verified>();

function remember(token: string, entry: Verified): void {
  if (verified.size >= MAX_VERIFIED_TOKENS) {
    const oldest = verified.keys().next();
    if (!oldest.done) verified.delete(oldest.value);
  }
  verified.set(token, entry);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function signAccessToken(
  claims: AccessTokenClaims,
  settings: TokenSettings,
  expiresInSeconds: number,
): string {
  const payload: Record<string, unknown> = {};
  if (claims.cid !== null) payload['cid'] = claims.cid;
  if (claims.pa) payload['pa'] = true;
  return jwt.sign(payload, settings.secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: settings.issuer,
    audience: ACCESS_TOKEN_AUDIENCE,
    expiresIn: expiresInSeconds,
    jwtid: randomUUID(),
  });
}

/** Verifies signature, algorithm, issuer, audience and expiry; any failure is UNAUTHENTICATED. */
export function verifyAccessToken(token: string, settings: TokenSettings): AccessTokenClaims {
  const known = verified.get(token);
  if (known && known.secret === settings.secret && known.issuer === settings.issuer) {
    if (Date.now() < known.expiresAtMs) return known.claims;
    verified.delete(token);
  }
  return checkAccessToken(token, settings);
}

function checkAccessToken(token: string, settings: TokenSettings): AccessTokenClaims {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, keyOf(settings.secret), {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
  } catch (e) {
    const reason = e instanceof jwt.TokenExpiredError ? 'expired' : 'invalid';
    throw new CandorException(ErrorCode.Unauthenticated, `Access token is ${reason}`);
  }
  if (typeof payload === 'string' || typeof payload.sub !== 'string' || !UUID.test(payload.sub)) {
    throw new CandorException(ErrorCode.Unauthenticated, 'Access token is invalid');
  }
  const cid: unknown = payload['cid'];
  const pa = payload['pa'] === true;
  // A token without a consultancy is only ever issued to platform staff.
  if (cid === undefined ? !pa : typeof cid !== 'string' || !UUID.test(cid)) {
    throw new CandorException(ErrorCode.Unauthenticated, 'Access token is invalid');
  }
  const claims: AccessTokenClaims = Object.freeze({
    sub: payload.sub,
    cid: typeof cid === 'string' ? cid : null,
    ...(pa ? { pa } : {}),
  });
  if (typeof payload.exp === 'number') {
    remember(token, {
      claims,
      expiresAtMs: payload.exp * 1000,
      secret: settings.secret,
      issuer: settings.issuer,
    });
  }
  return claims;
}
