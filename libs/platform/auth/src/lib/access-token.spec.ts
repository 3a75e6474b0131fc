import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signAccessToken, verifyAccessToken } from './access-token';

const settings = { secret: 's'.repeat(40), issuer: 'candor' };
const claims = {
  sub: '3f1c2a4e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
  cid: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
};

describe('access tokens', () => {
  it('verifies what it signs', () => {
    expect(verifyAccessToken(signAccessToken(claims, settings, 60), settings)).toEqual(claims);
  });

  it('refuses an expired token', () => {
    expect(() => verifyAccessToken(signAccessToken(claims, settings, -10), settings)).toThrow(
      'Access token is expired',
    );
  });

  it('refuses another secret, issuer, audience or algorithm', () => {
    const token = signAccessToken(claims, settings, 60);
    expect(() => verifyAccessToken(token, { ...settings, secret: 'x'.repeat(40) })).toThrow(
      'invalid',
    );
    expect(() => verifyAccessToken(token, { ...settings, issuer: 'other' })).toThrow('invalid');
    const wrongAudience = jwt.sign({ cid: claims.cid }, settings.secret, {
      subject: claims.sub,
      issuer: 'candor',
      audience: 'someone-else',
    });
    expect(() => verifyAccessToken(wrongAudience, settings)).toThrow('invalid');
    const unsigned = jwt.sign(
      { cid: claims.cid, sub: claims.sub, aud: 'candor-api', iss: 'candor' },
      '',
      {
        algorithm: 'none',
      },
    );
    expect(() => verifyAccessToken(unsigned, settings)).toThrow('invalid');
  });

  describe('once verified (remembered until it expires)', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('still refuses it under another secret or issuer', () => {
      const token = signAccessToken(claims, settings, 60);
      expect(verifyAccessToken(token, settings)).toEqual(claims);
      expect(() => verifyAccessToken(token, { ...settings, secret: 'x'.repeat(40) })).toThrow(
        'invalid',
      );
      expect(() => verifyAccessToken(token, { ...settings, issuer: 'other' })).toThrow('invalid');
      expect(verifyAccessToken(token, settings)).toEqual(claims);
    });

    it('refuses it as expired once its time is up', () => {
      vi.useFakeTimers({ now: new Date('2026-12-02T12:00:00Z') });
      const token = signAccessToken(claims, settings, 60);
      expect(verifyAccessToken(token, settings)).toEqual(claims);
      vi.setSystemTime(new Date('2026-12-02T12:00:59Z'));
      expect(verifyAccessToken(token, settings)).toEqual(claims);
      vi.setSystemTime(new Date('2026-12-02T12:01:00Z'));
      expect(() => verifyAccessToken(token, settings)).toThrow('Access token is expired');
    });
  });

  it('refuses claims that are not ids', () => {
    const token = jwt.sign({ cid: 'everyone' }, settings.secret, {
      subject: claims.sub,
      issuer: 'candor',
      audience: 'candor-api',
    });
    expect(() => verifyAccessToken(token, settings)).toThrow('invalid');
  });

  it('carries the platform-admin mark, with or without a consultancy', () => {
    const marked = { ...claims, pa: true };
    expect(verifyAccessToken(signAccessToken(marked, settings, 60), settings)).toEqual(marked);
    const staffOnly = { sub: claims.sub, cid: null, pa: true };
    expect(verifyAccessToken(signAccessToken(staffOnly, settings, 60), settings)).toEqual(
      staffOnly,
    );
  });

  it('refuses a token without a consultancy that is not a platform admin', () => {
    const token = jwt.sign({}, settings.secret, {
      subject: claims.sub,
      issuer: 'candor',
      audience: 'candor-api',
    });
    expect(() => verifyAccessToken(token, settings)).toThrow('invalid');
  });
});
