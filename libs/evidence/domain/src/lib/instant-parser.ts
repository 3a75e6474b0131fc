import { DateTime } from 'luxon';
import { FIELD_LIMITS } from './field-limits';
import { quoteText } from './value-text';

/**
 * The form connectors write (`2026-03-02T09:14:00-06:00`, `…Z`, `….123Z`, `±HHMM`, `±HH`). It has
 * no nested or overlapping quantifiers, so it runs in linear time on any input.
 */
const ISO_EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** The offset at the end of other forms, whose minutes Luxon does not check (`+05:60`). */
const TRAILING_OFFSET = /[+-]\d{2}:?(\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Longer than any ISO 8601 instant; longer text is rejected before any parsing. */
const MAX_TEXT = 64;
const EXAMPLE = '(e.g. 2026-03-02T09:14:00-06:00)';
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for years
 * ≥ 0. Plain arithmetic: cheaper than `Date.UTC` on the hot path, and checked against it.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function implausibleYear(year: number): boolean {
  return year < FIELD_LIMITS.minInstantYear || year > FIELD_LIMITS.maxInstantYear;
}

/**
 * Parses an ISO 8601 instant that carries a UTC offset (or `Z`) into epoch milliseconds.
 * Returns the milliseconds, or a string: the reason the text is not an acceptable instant.
 *
 * This runs for every time of every record, so well-formed text takes an allocation-free scan
 * converted with `Date.UTC`; `Date.parse` would not do, it is not strict enough (V8 turns
 * `2026-02-30` into March 2). Anything unusual is re-read by `explainInstant`, which finds the
 * precise reason, or accepts the other ISO 8601 forms (basic `20260302T091400Z`, week dates,
 * comma fractions) through Luxon.
 */
export function parseInstant(text: string): number | string {
  const ms = scanInstant(text);
  return Number.isNaN(ms) ? explainInstant(text) : ms;
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;

/** Two decimal digits at `i`, or NaN. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return isDigitCode(a) && isDigitCode(b) ? (a - 48) * 10 + (b - 48) : NaN;
}

/**
 * `YYYY-MM-DDTHH:MM[:SS[.fff…]](Z|±HH[[:]MM])` with every field in range, as epoch ms;
 * NaN for anything else (including NaN fields: every range test below is written to fail on NaN).
 */
export function scanInstant(text: string): number {
  const n = text.length;
  if (n < 17 || n > MAX_TEXT) return NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  if (text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return NaN;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    second = twoDigits(text, 17);
    i = 19;
    if (text.charCodeAt(i) === 46) {
      const start = ++i;
      while (i < n && isDigitCode(text.charCodeAt(i))) {
        // Milliseconds are the first three digits; further ones are truncated, as Luxon does.
        if (i - start < 3) millis = millis * 10 + (text.charCodeAt(i) - 48);
        i++;
      }
      const count = i - start;
      if (count < 1) return NaN;
      for (let k = count; k < 3; k++) millis *= 10;
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90 && i + 1 === n) {
    offset = 0;
  } else if (sign === 43 || sign === 45) {
    const hours = twoDigits(text, i + 1);
    const rest = n - (i + 3);
    let minutes: number;
    if (rest === 0) minutes = 0;
    else if (rest === 2) minutes = twoDigits(text, i + 3);
    else if (rest === 3 && text.charCodeAt(i + 3) === 58) minutes = twoDigits(text, i + 4);
    else return NaN;
    offset = hours * 60 + minutes;
    if (!(minutes <= 59 && offset <= FIELD_LIMITS.maxOffsetMinutes)) return NaN;
    if (sign === 45) offset = -offset;
  } else {
    return NaN;
  }
  const inRange =
    year >= FIELD_LIMITS.minInstantYear &&
    year <= FIELD_LIMITS.maxInstantYear &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  if (!inRange) return NaN;
  const minutes = (daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset;
  return minutes * 60_000 + second * 1000 + millis;
}

/** The slow path: the reason text is not an acceptable instant, or its ms for rarer forms. */
export function explainInstant(text: string): number | string {
  if (text.length > MAX_TEXT) return `${quoteText(text)} is not an ISO 8601 time ${EXAMPLE}`;
  const m = ISO_EXTENDED.exec(text);
  if (m === null) return parseOtherForms(text);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7];
  const offset = m[8];
  if (implausibleYear(year)) {
    return `${quoteText(text)} is implausible: year ${year} is outside ${FIELD_LIMITS.minInstantYear}–${FIELD_LIMITS.maxInstantYear}`;
  }
  if (month < 1 || month > 12)
    return `${quoteText(text)} is not a real date: there is no month ${m[2]}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return `${quoteText(text)} is not a real date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  }
  if (hour > 23) {
    const hint = hour === 24 ? '; write 00:00 of the next day' : '';
    return `${quoteText(text)} is not a real time: hour ${m[4]} does not exist (00–23)${hint}`;
  }
  if (minute > 59)
    return `${quoteText(text)} is not a real time: minute ${m[5]} does not exist (00–59)`;
  if (second > 59)
    return `${quoteText(text)} is not a real time: second ${m[6]} does not exist (00–59)`;
  if (offset === undefined) return `${quoteText(text)} has no UTC offset; add Z or ±HH:MM`;
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const digits = offset.replace(':', '');
    const offsetHours = Number(digits.slice(1, 3));
    const extraMinutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
    offsetMinutes = offsetHours * 60 + extraMinutes;
    if (extraMinutes > 59 || offsetMinutes > FIELD_LIMITS.maxOffsetMinutes) {
      return `${quoteText(text)} has an impossible UTC offset ${offset} (−18:00…+18:00)`;
    }
    if (digits.startsWith('-')) offsetMinutes = -offsetMinutes;
  }
  // Luxon truncates extra fraction digits too; keep the two paths in agreement.
  const millis = fraction === undefined ? 0 : Number(`${fraction}00`.slice(0, 3));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

function parseOtherForms(text: string): number | string {
  const q = quoteText(text);
  if (DATE_ONLY.test(text)) return `${q} is a date without a time and UTC offset ${EXAMPLE}`;
  if (text.charAt(10) === ' ' && ISO_EXTENDED.test(`${text.slice(0, 10)}T${text.slice(11)}`)) {
    return `${q} separates the date and time with a space; use T ${EXAMPLE}`;
  }
  // Parsing in two different default zones tells whether the text carried its own offset.
  const east = DateTime.fromISO(text, { zone: 'UTC+3', setZone: true });
  if (!east.isValid) {
    const detail = east.invalidReason === 'unit out of range' ? `: ${east.invalidExplanation}` : '';
    return `${q} is not an ISO 8601 time${detail} ${EXAMPLE}`;
  }
  const west = DateTime.fromISO(text, { zone: 'UTC-5', setZone: true });
  if (east.toMillis() !== west.toMillis()) return `${q} has no UTC offset; add Z or ±HH:MM`;
  if (implausibleYear(east.year)) {
    return `${q} is implausible: year ${east.year} is outside ${FIELD_LIMITS.minInstantYear}–${FIELD_LIMITS.maxInstantYear}`;
  }
  const offsetMinutes = TRAILING_OFFSET.exec(text)?.[1];
  if (Math.abs(east.offset) > FIELD_LIMITS.maxOffsetMinutes || Number(offsetMinutes) > 59) {
    return `${q} has an impossible UTC offset (−18:00…+18:00)`;
  }
  return east.toMillis();
}

const utcFormat = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
};

/**
 * A formatter writing instants as ISO 8601 with the offset `timeZone` has at that instant
 * (`Z` for UTC). Throws a RangeError for a zone that is not an IANA zone: that is a caller bug.
 */
export function instantFormatter(timeZone = 'UTC'): (ms: number) => string {
  if (timeZone === 'UTC' || timeZone === 'Z') return utcFormat;
  const probe = DateTime.fromMillis(0, { zone: timeZone });
  if (!probe.isValid) throw new RangeError(`"${timeZone}" is not an IANA time zone`);
  return (ms) =>
    DateTime.fromMillis(ms, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ??
    utcFormat(ms);
}
