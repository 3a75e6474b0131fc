import { describe, expect, it } from 'vitest';
import { emailDomain, normalizeDomain, normalizeEmail } from './email';
import { lastDigits, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('reads national and international formats into E.164', () => {
    expect(normalizePhone('(312) 555-0100')).toBe('+13125550100');
    expect(normalizePhone('312.555.0100')).toBe('+13125550100');
    expect(normalizePhone('+1 312 555 0100')).toBe('+13125550100');
    expect(normalizePhone('1-312-555-0100 ext. 17')).toBe('+13125550100');
  });

  it('rejects what cannot be a phone number', () => {
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone('n/a')).toBeNull();
    expect(normalizePhone('12')).toBeNull();
  });

  it('keeps the last digits for spoken or partial numbers', () => {
    expect(lastDigits('call me at 312 555 0100')).toBe('5550100');
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and unwraps display names', () => {
    expect(normalizeEmail('Dana Reyes <Dana@SmithToyota.com>')).toBe('dana@smithtoyota.com');
    expect(emailDomain('dana@smithtoyota.com')).toBe('smithtoyota.com');
  });

  it('rejects non-addresses', () => {
    expect(normalizeEmail('dana at smithtoyota')).toBeNull();
    expect(normalizeEmail('dana@localhost')).toBeNull();
  });

  it('normalizes domains and rejects non-domains', () => {
    expect(normalizeDomain('@SmithToyota.com')).toBe('smithtoyota.com');
    expect(normalizeDomain('smith toyota')).toBeNull();
  });
});
