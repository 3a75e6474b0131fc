import type { CountryCode } from 'libphonenumber-js';
import { readVendorTime, US_DATE_FORMATS } from '@candor/connectors-core';
import { normalizeEmail, normalizePhone } from '@candor/shared-contact';

export const INSTANT_FIELDS = new Set([
  'receivedAt',
  'requestedAt',
  'at',
  'createdAt',
  'dueAt',
  'completedAt',
  'dismissedAt',
  'setAt',
  'startsAt',
  'confirmedAt',
  'shownAt',
  'cancelledAt',
  'soldAt',
]);
const PHONE_FIELDS = new Set(['customerPhone', 'storePhone']);
const LIST_FIELDS = new Set(['customer.emails', 'customer.phones']);

export interface ValueContext {
  zone: string;
  dateFormats: readonly string[];
  phoneCountry: string;
}

export type Converted = { ok: true; value: unknown } | { ok: false; reason: string };

/** `135`, `2:15`, `0:02:15`, `2m 15s` → seconds. */
function readDuration(text: string): number | null {
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const words = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$/i.exec(text);
  if (words && (words[1] ?? words[2] ?? words[3]) !== undefined) {
    return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
  }
  return null;
}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * Converts one cell to the value a bundle field takes, by the field (times, phones, e-mails,
 * numbers) or an explicit `format`. The reason names what was expected.
 */
export function convertCell(
  field: string,
  text: string,
  format: string | undefined,
  vc: ValueContext,
): Converted {
  if (INSTANT_FIELDS.has(field)) {
    const time = readVendorTime(
      text,
      vc.zone,
      format ? [format] : vc.dateFormats.length > 0 ? vc.dateFormats : US_DATE_FORMATS,
    );
    return time.ok ? { ok: true, value: time.iso } : { ok: false, reason: time.reason };
  }
  if (PHONE_FIELDS.has(field) || field === 'customer.phones' || format === 'phone') {
    const phone = normalizePhone(text, vc.phoneCountry as CountryCode);
    return phone
      ? { ok: true, value: phone }
      : { ok: false, reason: `${quote(text)} is not a phone number` };
  }
  if (field === 'customer.emails' || format === 'email') {
    const email = normalizeEmail(text);
    return email
      ? { ok: true, value: email }
      : { ok: false, reason: `${quote(text)} is not an e-mail address` };
  }
  if (field === 'durationSec' || format === 'duration') {
    const seconds = readDuration(text);
    return seconds === null
      ? { ok: false, reason: `${quote(text)} is not a duration (seconds, m:ss or h:mm:ss)` }
      : { ok: true, value: seconds };
  }
  if (field === 'vehicle.year' || format === 'number') {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n)
      ? { ok: true, value: n }
      : { ok: false, reason: `${quote(text)} is not a number` };
  }
  if (field === 'automated' || format === 'boolean') {
    const t = text.toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(t)) return { ok: true, value: true };
    if (['false', 'no', 'n', '0'].includes(t)) return { ok: true, value: false };
    return { ok: false, reason: `${quote(text)} is not yes/no` };
  }
  return { ok: true, value: text };
}

export function isListField(field: string): boolean {
  return LIST_FIELDS.has(field);
}
