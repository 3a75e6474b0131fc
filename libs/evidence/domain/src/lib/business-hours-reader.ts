import type { FieldReader } from './field-reader';
import type { Weekday, WeeklyHours } from './records';
import { WEEKDAYS } from './records';
import { describeValue, isPlainObject, quoteText } from './value-text';

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DAY_LIST = WEEKDAYS.join(', ');
const WEEKDAY_SET: ReadonlySet<string> = new Set(WEEKDAYS);

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Weekly opening hours: all seven days, each `null` (closed) or `["HH:MM", "HH:MM"]` with the
 * opening before the close (`24:00` = midnight). Every day must be present so a forgotten day is
 * not silently graded as closed. An unknown key (`tues`) is an error for the same reason.
 */
export function readBusinessHours(fields: FieldReader, key: string): WeeklyHours | null {
  const value = fields.value(key);
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) {
    fields.fail(key, `must be an object with the days ${DAY_LIST}, got ${describeValue(value)}`);
    return null;
  }
  for (const day of Object.keys(value)) {
    if (!WEEKDAY_SET.has(day)) fields.fail(`${key}.${day}`, `is not a day (use ${DAY_LIST})`);
  }
  const hours = {} as Record<Weekday, readonly [string, string] | null>;
  for (const day of WEEKDAYS) {
    const at = `${key}.${day}`;
    const slot = Object.prototype.hasOwnProperty.call(value, day) ? value[day] : undefined;
    hours[day] = null;
    if (slot === undefined) {
      fields.fail(at, 'is missing (use null for a closed day)');
    } else if (slot !== null) {
      const times = readSlot(fields, at, slot);
      if (times) hours[day] = times;
    }
  }
  return hours;
}

function readSlot(fields: FieldReader, at: string, slot: unknown): [string, string] | null {
  if (!Array.isArray(slot) || slot.length !== 2) {
    fields.fail(at, `must be null or ["HH:MM", "HH:MM"], got ${describeValue(slot)}`);
    return null;
  }
  const [open, close]: unknown[] = slot;
  let ok = true;
  for (const [i, time] of [open, close].entries()) {
    if (typeof time !== 'string' || !TIME_OF_DAY.test(time)) {
      const shown = typeof time === 'string' ? quoteText(time) : describeValue(time);
      fields.fail(`${at}[${i}]`, `${shown} is not a time of day (HH:MM, 00:00–24:00)`);
      ok = false;
    }
  }
  if (!ok || typeof open !== 'string' || typeof close !== 'string') return null;
  if (minutesOf(open) >= minutesOf(close)) {
    fields.fail(at, `opens at ${open} but closes at ${close}; the close must be later`);
    return null;
  }
  return [open, close];
}
