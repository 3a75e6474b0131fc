import { FIELD_LIMITS } from './field-limits';
import { describeValue, quoteText } from './value-text';

/** Why a value was refused; anything else a check returns is the accepted, normalized value. */
export interface Refusal {
  reason: string;
}

export type Check<T> = (value: unknown) => T | Refusal;

export function isRefusal(result: unknown): result is Refusal {
  return typeof result === 'object' && result !== null && 'reason' in result;
}

function tooLong(text: string, limit: number): Refusal {
  return { reason: `is ${text.length} characters long; the limit is ${limit}` };
}

function notA(kind: string, value: unknown): Refusal {
  return { reason: `must be ${kind}, got ${describeValue(value)}` };
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Ids are trimmed strings. A whole number is accepted as its decimal string, because JSON
 * exports of numeric primary keys are common; fractions and numbers beyond 2^53 are not, since
 * they cannot name the source row exactly. Control characters are refused: ids end up in keys
 * joined with NUL and in CSV reports.
 */
export const checkId: Check<string> = (value) => {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value)
      ? String(value)
      : { reason: `must be a string or a whole number below 2^53, got ${value}` };
  }
  if (typeof value !== 'string') return notA('a string', value);
  const id = value.trim();
  if (id.length === 0) return { reason: 'is empty' };
  if (id.length > FIELD_LIMITS.id) return tooLong(id, FIELD_LIMITS.id);
  if (hasControlCharacter(id)) return { reason: `${quoteText(id)} contains control characters` };
  return id;
};

/** Text up to `limit` characters; trimmed when `trim` (labels), verbatim otherwise (free text). */
export function textCheck(limit: number, trim: boolean): Check<string> {
  return (value) => {
    if (typeof value !== 'string') return notA('a string', value);
    const text = trim ? value.trim() : value;
    return text.length > limit ? tooLong(text, limit) : text;
  };
}

export const checkName = textCheck(FIELD_LIMITS.name, true);
export const checkAddress = textCheck(FIELD_LIMITS.address, true);
export const checkShortText = textCheck(FIELD_LIMITS.shortText, false);
export const checkLongText = textCheck(FIELD_LIMITS.longText, false);

const WHITESPACE = /\s/;

/** Lower-cased and trimmed; only the shape `local@domain` is checked, deliverability is not. */
export const checkEmail: Check<string> = (value) => {
  if (typeof value !== 'string') return notA('a string', value);
  const email = value.trim().toLowerCase();
  if (email.length > FIELD_LIMITS.email) return tooLong(email, FIELD_LIMITS.email);
  const at = email.lastIndexOf('@');
  if (at < 0) return { reason: `${quoteText(email)} is not an e-mail address (no @)` };
  if (at === 0 || at === email.length - 1 || WHITESPACE.test(email)) {
    return { reason: `${quoteText(email)} is not an e-mail address` };
  }
  return email;
};

/** Kept as written (trimmed): consumers normalize to E.164 with the store's region. */
export const checkPhone: Check<string> = (value) => {
  if (typeof value !== 'string') return notA('a string', value);
  const phone = value.trim();
  if (phone.length > FIELD_LIMITS.phone) return tooLong(phone, FIELD_LIMITS.phone);
  let digits = 0;
  for (let i = 0; i < phone.length; i++) {
    const code = phone.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  if (digits < FIELD_LIMITS.minPhoneDigits) {
    return {
      reason: `${quoteText(phone)} is not a phone number (fewer than ${FIELD_LIMITS.minPhoneDigits} digits)`,
    };
  }
  return phone;
};

/** `SmithToyota.com` and `@smithtoyota.com` both become `smithtoyota.com`. */
export const checkDomain: Check<string> = (value) => {
  if (typeof value !== 'string') return notA('a string', value);
  const trimmed = value.trim().toLowerCase();
  const domain = trimmed.startsWith('@') ? trimmed.slice(1) : trimmed;
  if (domain.length > FIELD_LIMITS.domain) return tooLong(domain, FIELD_LIMITS.domain);
  if (domain.length === 0 || domain.includes('@') || WHITESPACE.test(domain)) {
    return { reason: `${quoteText(value)} is not an e-mail domain (e.g. smithtoyota.com)` };
  }
  return domain;
};

export function choiceCheck<T extends string>(values: readonly T[]): Check<T> {
  const allowed: ReadonlySet<string> = new Set(values);
  const list = values.join(', ');
  return (value) => {
    if (typeof value === 'string' && allowed.has(value)) return value as T;
    if (typeof value !== 'string') return notA(`one of ${list}`, value);
    return { reason: `${quoteText(value)} is not one of ${list}` };
  };
}

export const checkBoolean: Check<boolean> = (value) =>
  typeof value === 'boolean' ? value : notA('true or false', value);

const DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/;

/**
 * A finite number in [min, max]. Decimal strings (`"2024"`, `"12"`) are accepted because
 * ADF XML and telephony CSVs carry numbers as text.
 */
export function numberCheck(min: number, max: number, integer: boolean): Check<number> {
  return (value) => {
    let n: number;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string' && DECIMAL.test(value.trim())) n = Number(value.trim());
    else if (typeof value === 'string') return { reason: `${quoteText(value)} is not a number` };
    else return notA('a number', value);
    if (!Number.isFinite(n)) return { reason: `must be a finite number, got ${n}` };
    if (integer && !Number.isInteger(n)) return { reason: `must be a whole number, got ${n}` };
    if (n < min || n > max) return { reason: `is ${n}; it must be between ${min} and ${max}` };
    // -0 would not survive a JSON round trip (it prints as 0).
    return n === 0 ? 0 : n;
  };
}
