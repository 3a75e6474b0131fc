import { DateTime, type IANAZone } from 'luxon';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Date's UTC fields serve only as a proleptic Gregorian calendar here: no zone is involved.
export function calendarDateOfDay(day: number): CalendarDate {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function dayOfCalendarDate(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** A wall-clock reading as a sortable number (local day and time, no offset). */
export function wallKey(dt: DateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute, dt.second, dt.millisecond);
}

export function wallTimeAt(zone: IANAZone, at: number): DateTime {
  return DateTime.fromMillis(at, { zone });
}

/**
 * The first instant at which the zone's clock reads `minuteOfDay` of local day `day`, or later.
 * One rule covers both DST cases: a wall time skipped by a spring-forward gap maps to the end of
 * the gap, and a wall time repeated by a fall-back maps to its first occurrence. Because the rule
 * is monotonic, intervals built from it never overlap or run backwards.
 */
export function resolveWallTime(zone: IANAZone, day: number, minuteOfDay: number): number {
  if (minuteOfDay >= 1440) return resolveWallTime(zone, day + 1, minuteOfDay - 1440);
  const { year, month, day: dayOfMonth } = calendarDateOfDay(day);
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const candidate = DateTime.fromObject({ year, month, day: dayOfMonth, hour, minute }, { zone });
  if (!candidate.isValid) {
    throw new Error(`Cannot resolve ${year}-${month}-${dayOfMonth} in ${zone.name}`);
  }
  const key = day * DAY_MS + minuteOfDay * MINUTE_MS;
  if (wallKey(candidate) === key) {
    // Luxon picks one side of an ambiguous hour depending on the current date; we want the first.
    return Math.min(...candidate.getPossibleOffsets().map((dt) => dt.toMillis()));
  }
  // In a gap Luxon lands past the gap; search back for the transition itself.
  let after = candidate.toMillis();
  let before = after - 2 * DAY_MS;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (wallKey(wallTimeAt(zone, mid)) >= key) after = mid;
    else before = mid;
  }
  return after;
}
