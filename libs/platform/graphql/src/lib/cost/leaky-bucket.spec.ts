import { describe, expect, it } from 'vitest';
import { LeakyBucketLimiter } from './leaky-bucket';

function limiter() {
  let now = 0;
  const bucket = new LeakyBucketLimiter({ capacity: 100, restorePerSecond: 10 }, () => now);
  return { bucket, advance: (ms: number) => (now += ms) };
}

describe('LeakyBucketLimiter', () => {
  it('lets a full bucket spend its capacity, then refuses with the wait until the cost fits', () => {
    const { bucket } = limiter();
    expect(bucket.charge('a', 60)).toMatchObject({ allowed: true, available: 40 });
    expect(bucket.charge('a', 40)).toMatchObject({ allowed: true, available: 0 });
    const refused = bucket.charge('a', 25);
    expect(refused).toMatchObject({ allowed: false, available: 0, retryAfterSeconds: 3 });
  });

  it('restores points with time, never above capacity', () => {
    const { bucket, advance } = limiter();
    bucket.charge('a', 100);
    advance(2_500);
    expect(bucket.charge('a', 25)).toMatchObject({ allowed: true, available: 0 });
    advance(60_000);
    expect(bucket.charge('a', 1)).toMatchObject({ allowed: true, available: 99 });
  });

  it('keeps one bucket per key: one consultancy cannot spend another one’s points', () => {
    const { bucket } = limiter();
    bucket.charge('a', 100);
    expect(bucket.charge('a', 1).allowed).toBe(false);
    expect(bucket.charge('b', 100)).toMatchObject({ allowed: true, available: 0 });
  });

  it('does not take a refused charge', () => {
    const { bucket, advance } = limiter();
    bucket.charge('a', 90);
    expect(bucket.charge('a', 20).allowed).toBe(false);
    advance(1_000);
    expect(bucket.charge('a', 20)).toMatchObject({ allowed: true, available: 0 });
  });
});
