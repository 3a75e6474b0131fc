import { IANAZone } from 'luxon';
import { DayTable } from './day-table';
import { MINUTE_MS } from './wall-time';
import {
  WEEKDAYS,
  type WeekSchedule,
  type Weekday,
  type WeeklyHours,
  parseWeeklyHours,
  weekdayIndexOfDay,
} from './weekly-hours';

export interface BusinessClock {
  readonly timeZone: string;
  /** Business minutes in [from, to) (epoch ms instants; fractional minutes allowed; 0 when to <= from). */
  businessMinutes(from: number, to: number): number;
  /** Whether the store is open at this instant. */
  isOpen(at: number): boolean;
  /** Local calendar day number in the store's zone: days since 1970-01-01 of the local date. */
  localDay(at: number): number;
  /** Minutes since local midnight of the local wall time at this instant (0 <= m < 1440; fractional). */
  localMinuteOfDay(at: number): number;
  /** Local weekday at this instant. */
  weekday(at: number): Weekday;
  /** The instant at which local day `day` begins (local midnight, or the first instant that exists after it on a DST gap). */
  startOfLocalDay(day: number): number;
  /** Number of local days d with fromDay <= d < toDay on which the store has business hours. */
  businessDaysBetween(fromDay: number, toDay: number): number;
}

/**
 * hours === null means "no hours known": every minute counts (business minutes == wall minutes,
 * isOpen always true, every day is a business day). Throws a clear Error for an invalid time zone
 * or malformed hours.
 */
export function createBusinessClock(timeZone: string, hours: WeeklyHours | null): BusinessClock {
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new Error(`Invalid time zone ${JSON.stringify(timeZone)}: not an IANA time zone name`);
  }
  const zone = IANAZone.create(timeZone);
  const schedule = hours === null ? null : parseWeeklyHours(hours);
  // Without hours the table is still needed for local days; it just has no open intervals.
  const table = new DayTable(zone, schedule ?? WEEKDAYS.map(() => null));

  // Closures rather than methods so callers may pass e.g. `clock.businessMinutes` around unbound.
  const businessMinutes =
    schedule === null
      ? (from: number, to: number): number => {
          assertInstants(from, to);
          return to > from ? (to - from) / MINUTE_MS : 0;
        }
      : (from: number, to: number): number => {
          if (to > from) return (table.openMsUntil(to) - table.openMsUntil(from)) / MINUTE_MS;
          assertInstants(from, to);
          return 0;
        };

  const localDay = (at: number): number => table.localDay(at);

  return Object.freeze({
    timeZone,
    businessMinutes,
    isOpen: (at: number): boolean => {
      if (schedule !== null) return table.isOpenAt(at);
      assertInstants(at, at);
      return true;
    },
    localDay,
    localMinuteOfDay: (at: number): number => table.localMinuteOfDay(at),
    weekday: (at: number): Weekday => WEEKDAYS[weekdayIndexOfDay(localDay(at))] as Weekday,
    startOfLocalDay: (day: number): number => table.startOfDay(day),
    businessDaysBetween: (fromDay: number, toDay: number): number =>
      countBusinessDays(schedule, fromDay, toDay),
  });
}

function assertInstants(from: number, to: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError(`Expected epoch-ms instants, got ${from} and ${to}`);
  }
}

function countBusinessDays(schedule: WeekSchedule | null, fromDay: number, toDay: number): number {
  if (!Number.isInteger(fromDay) || !Number.isInteger(toDay)) {
    throw new RangeError(`Expected whole local day numbers, got ${fromDay} and ${toDay}`);
  }
  if (toDay <= fromDay) return 0;
  if (schedule === null) return toDay - fromDay;
  // Whether a day is a business day depends only on its weekday, so whole weeks need no loop.
  const openPerWeek = schedule.filter((h) => h !== null).length;
  const weeks = Math.floor((toDay - fromDay) / 7);
  let count = weeks * openPerWeek;
  for (let day = fromDay + weeks * 7; day < toDay; day++) {
    if (schedule[weekdayIndexOfDay(day)]) count++;
  }
  return count;
}
