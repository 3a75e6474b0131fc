import { describe, expect, it } from 'vitest';
import { refreshCookieOf } from './refresh-cookie';

describe('the refresh cookie', () => {
  it('is found among other cookies, decoded', () => {
    expect(refreshCookieOf({ cookie: 'theme=dark; candor_refresh=abc%2Bdef; x=1' })).toBe(
      'abc+def',
    );
    expect(refreshCookieOf({ cookie: 'candor_refresh="quoted"' })).toBe('quoted');
  });

  it('is absent without a Cookie header, without that cookie, or when it is empty or garbled', () => {
    expect(refreshCookieOf({})).toBeUndefined();
    expect(
      refreshCookieOf({ cookie: 'not_candor_refresh=abc; candor_refreshx=1' }),
    ).toBeUndefined();
    expect(refreshCookieOf({ cookie: 'candor_refresh=' })).toBeUndefined();
    expect(refreshCookieOf({ cookie: 'candor_refresh=%E0%A4%A' })).toBeUndefined();
  });
});
