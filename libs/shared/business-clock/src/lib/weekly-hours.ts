export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** [open, close] as 'HH:MM' store-local ('24:00' = midnight at the end of the day), or null = closed that day. */
export type WeeklyHours = Record<Weekday, readonly [string, string] | null>;

/** One day's opening hours in minutes since local midnight; `close` may be 1440 ('24:00'). */
export interface DayHours {
  readonly open: number;
  readonly close: number;
}

/** Opening hours indexed like WEEKDAYS (0 = Monday); null = closed. */
export type WeekSchedule = readonly (DayHours | null)[];

export const MINUTES_PER_DAY = 1440;

const HH_MM = /^(\d{2}):(\d{2})$/;

/** Validates `hours` (it usually comes from stored JSON, so the type alone proves nothing). */
export function parseWeeklyHours(hours: WeeklyHours): WeekSchedule {
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) {
    throw new Error('Invalid business hours: expected an object keyed by mon..sun');
  }
  const known: readonly string[] = WEEKDAYS;
  for (const key of Object.keys(hours)) {
    if (!known.includes(key)) {
      throw new Error(
        `Invalid business hours: unknown day "${key}" (expected ${WEEKDAYS.join(', ')})`,
      );
    }
  }
  return WEEKDAYS.map((day) => parseDay(day, (hours as Partial<WeeklyHours>)[day]));
}

function parseDay(day: Weekday, value: WeeklyHours[Weekday] | undefined): DayHours | null {
  const fail = (why: string): never => {
    throw new Error(`Invalid business hours for ${day}: ${why}`);
  };
  if (value === undefined) return fail('missing (use null for a closed day)');
  if (value === null) return null;
  if (!Array.isArray(value) || value.length !== 2) {
    return fail('expected [open, close] as ["HH:MM", "HH:MM"] or null');
  }
  const [openText, closeText] = value as readonly unknown[];
  const open = parseTime(openText);
  const close = parseTime(closeText);
  if (open === null || open === MINUTES_PER_DAY) {
    return fail(`open ${JSON.stringify(openText)} is not a time from 00:00 to 23:59 (HH:MM)`);
  }
  if (close === null) {
    return fail(`close ${JSON.stringify(closeText)} is not a time from 00:00 to 24:00 (HH:MM)`);
  }
  if (open >= close) {
    // Overnight hours (e.g. 22:00-02:00) are not supported: split them across the two days.
    return fail(`open ${String(openText)} must be before close ${String(closeText)}`);
  }
  return { open, close };
}

/** Minutes since midnight for 'HH:MM' in 00:00..24:00, else null. */
function parseTime(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const match = HH_MM.exec(text);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (minute > 59) return null;
  if (hour > 24 || (hour === 24 && minute !== 0)) return null;
  return hour * 60 + minute;
}

/** Index into WEEKDAYS of local day number `day` (day 0, 1970-01-01, was a Thursday). */
export function weekdayIndexOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
