import { DateTime } from 'luxon';

/** How long a materialized report's window is: a store-local day, ISO week, month, or any window. */
export const GRANULARITIES = ['day', 'week', 'month', 'custom'] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export type CalendarGranularity = Exclude<Granularity, 'custom'>;
export const CALENDAR_GRANULARITIES: readonly CalendarGranularity[] = ['day', 'week', 'month'];

/** A report window `[start, end)` (epoch ms) and its name in the store's calendar. */
export interface Period {
  granularity: Granularity;
  start: number;
  end: number;
  /** `2026-03-02` (day), `2026-W10` (ISO week), `2026-03` (month), `<from>/<to>` (custom). */
  label: string;
}

export class PeriodError extends Error {}

const UNIT = { day: 'day', week: 'week', month: 'month' } as const;
const LABEL = { day: 'yyyy-MM-dd', week: "kkkk-'W'WW", month: 'yyyy-MM' } as const;
/** Custom windows are bounded so a scorecard request cannot ask for a decade of evidence. */
export const MAX_CUSTOM_DAYS = 400;

function zoned(instant: number, timeZone: string): DateTime {
  const dt = DateTime.fromMillis(instant, { zone: timeZone });
  if (!dt.isValid) throw new PeriodError(`unknown time zone ${timeZone}`);
  return dt;
}

function fromStart(granularity: CalendarGranularity, start: DateTime): Period {
  const end = start.plus({ [`${UNIT[granularity]}s`]: 1 }).startOf(UNIT[granularity]);
  return {
    granularity,
    start: start.toMillis(),
    end: end.toMillis(),
    label: start.toFormat(LABEL[granularity]),
  };
}

/**
 * The calendar period holding `instant` in the store's zone. Days start at local midnight (so a
 * DST day is 23 or 25 hours long), weeks on Monday (ISO), months on the 1st.
 */
export function periodContaining(
  granularity: CalendarGranularity,
  instant: number,
  timeZone: string,
): Period {
  return fromStart(granularity, zoned(instant, timeZone).startOf(UNIT[granularity]));
}

/** The calendar period holding the local date `YYYY-MM-DD` in the store's zone. */
export function periodOfDate(
  granularity: CalendarGranularity,
  localDate: string,
  timeZone: string,
): Period {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(localDate)
    ? DateTime.fromISO(localDate, { zone: timeZone })
    : null;
  if (!day?.isValid) throw new PeriodError(`${localDate} is not a date (YYYY-MM-DD)`);
  return fromStart(granularity, day.startOf(UNIT[granularity]));
}

/** The period just before `period` (same granularity; a custom window of the same length). */
export function previousPeriod(period: Period, timeZone: string): Period {
  if (period.granularity === 'custom') {
    return customPeriod(2 * period.start - period.end, period.start);
  }
  return periodContaining(period.granularity, period.start - 1, timeZone);
}

/** Any window `[from, to)`, at most MAX_CUSTOM_DAYS long. */
export function customPeriod(from: number, to: number): Period {
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new PeriodError('from and to must be moments in time');
  if (!(from < to)) throw new PeriodError('from must be before to');
  if (to - from > MAX_CUSTOM_DAYS * 86_400_000) {
    throw new PeriodError(`a custom window may span at most ${MAX_CUSTOM_DAYS} days`);
  }
  const iso = (ms: number) => new Date(ms).toISOString();
  return { granularity: 'custom', start: from, end: to, label: `${iso(from)}/${iso(to)}` };
}

/** The `count` calendar periods ending with the one holding `instant`, oldest first. */
export function periodsUpTo(
  granularity: CalendarGranularity,
  instant: number,
  count: number,
  timeZone: string,
): Period[] {
  const periods: Period[] = [];
  let p = periodContaining(granularity, instant, timeZone);
  for (let i = 0; i < count; i++) {
    periods.unshift(p);
    p = periodContaining(granularity, p.start - 1, timeZone);
  }
  return periods;
}

/**
 * The moment a period's evidence is judged at: its end, or now while it is still running (as
 * `candor grade` does: asOf defaults to the window's end and is never in the future).
 */
export function judgedAt(period: Period, now: number): number {
  return Math.min(period.end, now);
}
