import { describe, expect, it } from 'vitest';
import { retryDelaySeconds, retryDelays, WEBHOOK_RETRY_SCHEDULE } from './retry-schedule';

describe('webhook retry schedule', () => {
  it('backs off 30 s, 2 min, 8 min … up to 6 h, then gives up after 10 attempts', () => {
    expect(retryDelays()).toEqual([30, 120, 480, 1920, 7680, 21600, 21600, 21600, 21600]);
    expect(retryDelaySeconds(WEBHOOK_RETRY_SCHEDULE.maxAttempts - 1)).toBe(21600);
    expect(retryDelaySeconds(WEBHOOK_RETRY_SCHEDULE.maxAttempts)).toBeNull();
  });

  it('keeps a receiver that is down for a day within the schedule', () => {
    const total = retryDelays().reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(24 * 3600);
  });

  it('follows another schedule when given one', () => {
    const quick = { firstDelaySeconds: 1, factor: 2, maxDelaySeconds: 3, maxAttempts: 4 };
    expect(retryDelays(quick)).toEqual([1, 2, 3]);
    expect(retryDelaySeconds(4, quick)).toBeNull();
  });

  it('rejects a count of attempts that is not positive', () => {
    expect(() => retryDelaySeconds(0)).toThrow(RangeError);
  });
});
