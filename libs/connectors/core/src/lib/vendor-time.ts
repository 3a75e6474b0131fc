import { DateTime } from 'luxon';

/** What reading a vendor timestamp gave: an ISO 8601 instant with offset, or why not. */
export type VendorTime =
  { ok: true; iso: string; ms: number; offsetIgnored: boolean } | { ok: false; reason: string };

/** Formats US dealer software writes when it writes no ISO 8601 (CRM and call-log exports). */
export const US_DATE_FORMATS = [
  'M/d/yyyy h:mm:ss a',
  'M/d/yyyy h:mm a',
  'M/d/yyyy H:mm:ss',
  'M/d/yyyy H:mm',
  'M/d/yy h:mm a',
  'M/d/yy H:mm',
  'M/d/yyyy',
  'yyyy-MM-dd',
] as const;

/** date, time, then an optional offset; no nested quantifiers, so linear on any input. */
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/;
const MAX_TEXT = 80;
/** Real UTC offsets span −12:00…+14:00; anything else is a vendor bug, not a place. */
const MAX_REAL_OFFSET_MIN = 14 * 60;

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function done(dt: DateTime, offsetIgnored: boolean, text: string): VendorTime {
  if (!dt.isValid) {
    return {
      ok: false,
      reason: `${quote(text)} is not a real time (${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid'})`,
    };
  }
  // The bundle bounds years in UTC; judge in UTC too, so the reason names the year written.
  const year = dt.toUTC().year;
  if (year < 2000 || year > 2100) {
    return {
      ok: false,
      reason: `${quote(text)} is implausible: year ${year} is outside 2000–2100`,
    };
  }
  const iso = dt.toISO({ suppressMilliseconds: true });
  if (iso === null) return { ok: false, reason: `${quote(text)} is not a real time` };
  return { ok: true, iso, ms: dt.toMillis(), offsetIgnored };
}

function offsetMinutes(offset: string): number | null {
  const upper = offset.toUpperCase();
  if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  // `-6` and `-06` are hours; `-0600` is hours and minutes.
  const hours = Number(digits.length <= 2 ? digits : digits.slice(0, digits.length - 2));
  const minutes = digits.length <= 2 ? 0 : Number(digits.slice(-2));
  if (minutes > 59) return null;
  const total = hours * 60 + minutes;
  return total > MAX_REAL_OFFSET_MIN ? null : sign * total;
}

function readIsoLike(m: RegExpExecArray, zone: string, text: string): VendorTime {
  const parts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
    second: m[6] === undefined ? 0 : Number(m[6]),
    millisecond: m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3)),
  };
  const offset = m[8];
  if (offset !== undefined) {
    const minutes = offsetMinutes(offset);
    if (minutes !== null) {
      const fixed =
        minutes === 0
          ? 'UTC'
          : `UTC${minutes > 0 ? '+' : '-'}${Math.floor(Math.abs(minutes) / 60)}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
      return done(DateTime.fromObject(parts, { zone: fixed }).setZone(zone), false, text);
    }
  }
  // No offset, or one no place has (`+9900`): the wall time is the store's, which is what the
  // feed's author meant far more often than not.
  return done(DateTime.fromObject(parts, { zone }), offset !== undefined, text);
}

/**
 * Reads a timestamp as vendors write it, leniently: ISO 8601 with or without offset, `±HHMM`
 * offsets, a space instead of `T`, RFC 2822 (`Mon, 02 Mar 2026 15:55:10 +0000`), and the given
 * Luxon formats (default: common US formats). Times without a usable offset are wall time in
 * `zone`. Never throws.
 */
export function readVendorTime(
  text: string,
  zone: string,
  formats: readonly string[] = US_DATE_FORMATS,
): VendorTime {
  const value = text.trim();
  if (value === '') return { ok: false, reason: 'is empty' };
  if (value.length > MAX_TEXT)
    return { ok: false, reason: `${quote(value)} is too long to be a time` };
  const iso = ISO_LIKE.exec(value);
  if (iso) return readIsoLike(iso, zone, value);
  if (/^[A-Za-z]{3},? /.test(value) || /^\d{1,2} [A-Za-z]{3} \d{4}/.test(value)) {
    const rfc = DateTime.fromRFC2822(value, { setZone: true });
    if (rfc.isValid) return done(rfc.setZone(zone), false, value);
    const http = DateTime.fromHTTP(value, { setZone: true });
    if (http.isValid) return done(http.setZone(zone), false, value);
  }
  for (const format of formats) {
    const dt = DateTime.fromFormat(value, format, { zone });
    if (dt.isValid) return done(dt, false, value);
  }
  const fallback = DateTime.fromISO(value, { zone, setZone: true });
  if (fallback.isValid) return done(fallback, false, value);
  return {
    ok: false,
    reason: `${quote(value)} is not a date and time this connector reads (ISO 8601, RFC 2822 or ${formats.slice(0, 2).join(', ')}…)`,
  };
}
