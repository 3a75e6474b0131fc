import type { FieldError } from '@candor/shared-errors';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening and closing time (`HH:MM`, store-local) per weekday; `null` means closed that day. */
export type BusinessHours = Record<Weekday, readonly [string, string] | null>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Validates weekly hours: every weekday present, each `null` or `[open, close]` in `HH:MM` with
 * open before close (`24:00` closes at midnight). Returns the hours or the problems found.
 */
export function parseBusinessHours(
  value: unknown,
  field: string,
): { hours?: BusinessHours; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { errors: [{ field, message: 'must be an object with mon…sun keys' }] };
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      errors.push({
        field: `${field}.${key}`,
        message: `unknown day (use ${WEEKDAYS.join(', ')})`,
      });
    }
  }
  const hours = {} as Record<Weekday, readonly [string, string] | null>;
  for (const day of WEEKDAYS) {
    const slot = record[day];
    const at = `${field}.${day}`;
    if (slot === undefined) {
      errors.push({ field: at, message: 'is missing (use null for a closed day)' });
    } else if (slot === null) {
      hours[day] = null;
    } else if (
      !Array.isArray(slot) ||
      slot.length !== 2 ||
      !slot.every((t) => typeof t === 'string' && TIME.test(t))
    ) {
      errors.push({ field: at, message: 'must be null or ["HH:MM", "HH:MM"]' });
    } else {
      const [open, close] = slot as [string, string];
      if (minutes(open) >= minutes(close)) {
        errors.push({ field: at, message: `opens at ${open} but closes at ${close}` });
      } else {
        hours[day] = [open, close];
      }
    }
  }
  return errors.length > 0 ? { errors } : { hours, errors };
}
