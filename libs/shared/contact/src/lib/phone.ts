import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number in E.164 (`+13125550100`), or null when it cannot be a phone number.
 * National formats are read in `defaultRegion` (the store's country). Extensions are dropped:
 * a call is matched on the line, not on the extension.
 */
export function normalizePhone(raw: string, defaultRegion: CountryCode = 'US'): string | null {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 40) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** The last `n` digits of a number, for matching numbers spoken or typed in any format. */
export function lastDigits(raw: string, n = 7): string {
  const digits = raw.replace(/\D/g, '');
  return digits.slice(-n);
}
