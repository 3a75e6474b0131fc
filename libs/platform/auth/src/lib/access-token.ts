import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CandorException, ErrorCode } from '@candor/shared-errors';

export const ACCESS_TOKEN_AUDIENCE = 'candor-api';

export interface AccessTokenClaims {
  /** User id. */
  sub: string;
  /** Active consultancy id. */
  cid: string;
}

export interface TokenSettings {
  secret: string;
  issuer: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function signAccessToken(
  claims: AccessTokenClaims,
  settings: TokenSettings,
  expiresInSeconds: number,
): string {
  return jwt.sign({ cid: claims.cid }, settings.secret, {
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
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, settings.secret, {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
  } catch (e) {
    const reason = e instanceof jwt.TokenExpiredError ? 'expired' : 'invalid';
    throw new CandorException(ErrorCode.Unauthenticated, `Access token is ${reason}`);
  }
  if (
    typeof payload === 'string' ||
    typeof payload.sub !== 'string' ||
    typeof payload['cid'] !== 'string' ||
    !UUID.test(payload.sub) ||
    !UUID.test(payload['cid'] as string)
  ) {
    throw new CandorException(ErrorCode.Unauthenticated, 'Access token is invalid');
  }
  return { sub: payload.sub, cid: payload['cid'] as string };
}
