import { describe, expect, it } from 'vitest';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  WEBHOOK_SECRET_PREFIX,
} from './webhook-signature';

const at = new Date('2026-03-02T10:00:00Z');
const body = JSON.stringify({ type: 'report.ready', timestamp: at.toISOString(), data: { n: 1 } });

describe('Standard Webhooks signatures', () => {
  it('matches the reference vector of the Standard Webhooks specification', () => {
    const headers = signWebhook({
      id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      timestamp: new Date(1614265330 * 1000),
      body: '{"test": 2432232314}',
      secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    });
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('makes secrets of 32 random bytes behind the whsec_ prefix', () => {
    const one = generateWebhookSecret();
    expect(one.startsWith(WEBHOOK_SECRET_PREFIX)).toBe(true);
    expect(Buffer.from(one.slice(WEBHOOK_SECRET_PREFIX.length), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(one);
  });

  it('verifies what it signed, with the timestamp and id it carries', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: 'evt_1', timestamp: at, body, secrets: [secret] });
    expect(verifyWebhook(secret, headers, body, { now: at })).toEqual({
      valid: true,
      id: 'evt_1',
      timestamp: at,
    });
    // Buffers and fetch-style Headers work as well as strings and plain objects.
    expect(
      verifyWebhook([secret], new Headers({ ...headers }), Buffer.from(body), { now: at }),
    ).toMatchObject({ valid: true });
  });

  it('rejects a changed body, another secret, another id and a missing header', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: 'evt_1', timestamp: at, body, secrets: [secret] });
    const check = (...args: Parameters<typeof verifyWebhook>) => verifyWebhook(...args);
    expect(check(secret, headers, body.replace('"n":1', '"n":2'), { now: at })).toEqual({
      valid: false,
      reason: 'no signature matches',
    });
    expect(check(generateWebhookSecret(), headers, body, { now: at }).valid).toBe(false);
    expect(check(secret, { ...headers, 'webhook-id': 'evt_2' }, body, { now: at }).valid).toBe(
      false,
    );
    const { 'webhook-signature': _, ...unsigned } = headers;
    expect(check(secret, unsigned, body, { now: at })).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/missing/),
    });
  });

  it('rejects stale and future timestamps outside the tolerance', () => {
    const secret = generateWebhookSecret();
    const headers = signWebhook({ id: 'evt_1', timestamp: at, body, secrets: [secret] });
    const later = (s: number) => new Date(at.getTime() + s * 1000);
    expect(verifyWebhook(secret, headers, body, { now: later(300) }).valid).toBe(true);
    expect(verifyWebhook(secret, headers, body, { now: later(301) })).toEqual({
      valid: false,
      reason: 'timestamp too old',
    });
    expect(verifyWebhook(secret, headers, body, { now: later(-301) })).toEqual({
      valid: false,
      reason: 'timestamp in the future',
    });
    expect(
      verifyWebhook(secret, headers, body, { now: later(3600), toleranceSeconds: 7200 }).valid,
    ).toBe(true);
  });

  it('signs with both secrets during a rotation, so either one verifies', () => {
    const previous = generateWebhookSecret();
    const current = generateWebhookSecret();
    const headers = signWebhook({ id: 'e', timestamp: at, body, secrets: [current, previous] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(verifyWebhook(previous, headers, body, { now: at }).valid).toBe(true);
    expect(verifyWebhook(current, headers, body, { now: at }).valid).toBe(true);
    expect(verifyWebhook(generateWebhookSecret(), headers, body, { now: at }).valid).toBe(false);
  });

  it('refuses to sign without a usable secret', () => {
    expect(() => signWebhook({ id: 'e', timestamp: at, body, secrets: [] })).toThrow();
    expect(() => signWebhook({ id: 'e', timestamp: at, body, secrets: ['whsec_!!'] })).toThrow(
      /not a webhook secret/,
    );
  });
});
