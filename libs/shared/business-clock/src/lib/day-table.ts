import type { IANAZone } from 'luxon';
import {
  DAY_MS,
  MINUTE_MS,
  dayOfCalendarDate,
  resolveWallTime,
  wallKey,
  wallTimeAt,
} from './wall-time';
import { MINUTES_PER_DAY, type WeekSchedule, weekdayIndexOfDay } from './weekly-hours';

// A bound keeps one stray timestamp (0, 9e15) from making the table allocate or compute forever.
const FIRST_INSTANT = Date.UTC(1900, 0, 1);
const END_INSTANT = Date.UTC(2200, 0, 1);
export const FIRST_SUPPORTED_DAY = FIRST_INSTANT / DAY_MS;
export const END_SUPPORTED_DAY = END_INSTANT / DAY_MS;
// Local days reach up to a day either side of the UTC day; the margin covers the lookup window.
const TABLE_FIRST_DAY = FIRST_SUPPORTED_DAY - 3;
const TABLE_END_DAY = END_SUPPORTED_DAY + 3;
const MIN_GROWTH_DAYS = 64;

/** Parallel arrays over a contiguous run of local days; index i is day `first + i`. */
interface Columns {
  /** Instant each day begins; one extra entry for the end of the last day. */
  readonly starts: Float64Array;
  readonly opens: Float64Array;
  readonly closes: Float64Array;
  /** 1 when the UTC offset holds all day, so wall time is simply the time elapsed since midnight. */
  readonly steady: Uint8Array;
  /** Open milliseconds before day index i, from a fixed origin; one extra entry. */
  readonly openBefore: Float64Array;
}

function allocate(count: number): Columns {
  return {
    starts: new Float64Array(count + 1),
    opens: new Float64Array(count),
    closes: new Float64Array(count),
    steady: new Uint8Array(count),
    openBefore: new Float64Array(count + 1),
  };
}

function sumOpenMs(cols: Columns, days: number): number {
  let sum = 0;
  for (let i = 0; i < days; i++) sum += (cols.closes[i] ?? 0) - (cols.opens[i] ?? 0);
  return sum;
}

/**
 * Per-local-day boundaries and opening intervals as instants, computed once per day with Luxon and
 * grown on demand. With the prefix sums, business time up to any instant is a few array reads, so
 * spans of any length cost O(1) once their days are cached.
 */
export class DayTable {
  private first = 0;
  private count = 0;
  private cols: Columns = allocate(0);

  constructor(
    private readonly zone: IANAZone,
    private readonly schedule: WeekSchedule,
  ) {}

  /** Open milliseconds since an arbitrary fixed origin up to `at`; only differences are meaningful. */
  openMsUntil(at: number): number {
    const i = this.indexOf(at);
    const { opens, closes, openBefore } = this.cols;
    const open = opens[i] ?? 0;
    const close = closes[i] ?? 0;
    const before = openBefore[i] ?? 0;
    if (at <= open) return before;
    return before + (at < close ? at : close) - open;
  }

  isOpenAt(at: number): boolean {
    const i = this.indexOf(at);
    return at >= (this.cols.opens[i] ?? 0) && at < (this.cols.closes[i] ?? 0);
  }

  localDay(at: number): number {
    const i = this.indexOf(at);
    if (this.cols.steady[i] === 1) return this.first + i;
    const wall = wallTimeAt(this.zone, at);
    return dayOfCalendarDate(wall.year, wall.month, wall.day);
  }

  localMinuteOfDay(at: number): number {
    const i = this.indexOf(at);
    if (this.cols.steady[i] === 1) return (at - (this.cols.starts[i] ?? 0)) / MINUTE_MS;
    const wall = wallTimeAt(this.zone, at);
    // Luxon drops sub-millisecond fractions; add them back so the result stays continuous.
    const ms = wall.second * 1000 + wall.millisecond + (at - Math.floor(at));
    return wall.hour * 60 + wall.minute + ms / MINUTE_MS;
  }

  startOfDay(day: number): number {
    if (!Number.isInteger(day) || day < FIRST_SUPPORTED_DAY || day >= END_SUPPORTED_DAY) {
      throw new RangeError(`Local day ${day} is not a whole day number in years 1900-2199`);
    }
    this.ensureDays(day, day + 1);
    return this.cols.starts[day - this.first] ?? NaN;
  }

  /** Index of the cached day containing `at`, growing the table when `at` is near or past its edge. */
  private indexOf(at: number): number {
    let i = Math.floor(at / DAY_MS) - this.first;
    // Written so NaN also takes the slow path, where it is rejected.
    if (!(i >= 2 && i < this.count - 2)) {
      this.cover(at);
      i = Math.floor(at / DAY_MS) - this.first;
    }
    // The UTC day is within one day of the local day; step to the day whose bounds hold `at`.
    const starts = this.cols.starts;
    while (at < (starts[i] ?? -Infinity)) i--;
    while (at >= (starts[i + 1] ?? Infinity)) i++;
    return i;
  }

  private cover(at: number): void {
    if (!(at >= FIRST_INSTANT && at < END_INSTANT)) {
      throw new RangeError(`Instant ${at} is not an epoch-ms time in years 1900-2199`);
    }
    const utcDay = Math.floor(at / DAY_MS);
    this.ensureDays(utcDay - 2, utcDay + 3);
  }

  /** Makes days [from, to) available, growing geometrically so repeated growth stays linear. */
  private ensureDays(from: number, to: number): void {
    const oldFirst = this.first;
    const oldEnd = this.first + this.count;
    const empty = this.count === 0;
    if (!empty && from >= oldFirst && to <= oldEnd) return;
    const pad = Math.max(this.count, MIN_GROWTH_DAYS);
    let first = empty || from < oldFirst ? from - pad : oldFirst;
    let end = empty || to > oldEnd ? to + pad : oldEnd;
    first = Math.max(first, TABLE_FIRST_DAY);
    end = Math.min(end, TABLE_END_DAY);

    const cols = allocate(end - first);
    if (empty) {
      this.build(cols, first, first, end, resolveWallTime(this.zone, first, 0));
    } else {
      if (first < oldFirst) {
        this.build(cols, first, first, oldFirst, resolveWallTime(this.zone, first, 0));
      }
      if (end > oldEnd) {
        this.build(cols, first, oldEnd, end, this.cols.starts[this.count] ?? NaN);
      }
      // Cached days are copied last so a day's instants never change once handed out.
      const shift = oldFirst - first;
      cols.starts.set(this.cols.starts, shift);
      cols.opens.set(this.cols.opens, shift);
      cols.closes.set(this.cols.closes, shift);
      cols.steady.set(this.cols.steady, shift);
    }
    // Anchor the sums so the old first day keeps its value: openMsUntil must not change under a
    // caller that reads it twice with a growth in between.
    const anchor = empty ? 0 : (this.cols.openBefore[0] ?? 0) - sumOpenMs(cols, oldFirst - first);
    const { opens, closes, openBefore } = cols;
    openBefore[0] = anchor;
    for (let i = 0; i < opens.length; i++) {
      openBefore[i + 1] = (openBefore[i] ?? 0) + (closes[i] ?? 0) - (opens[i] ?? 0);
    }
    this.cols = cols;
    this.first = first;
    this.count = end - first;
  }

  /** Fills days [fromDay, toDay) of `cols` (whose index 0 is day `base`); `start` begins fromDay. */
  private build(cols: Columns, base: number, fromDay: number, toDay: number, start: number): void {
    const zone = this.zone;
    let startMs = start;
    let startWall = wallTimeAt(zone, startMs);
    for (let day = fromDay; day < toDay; day++) {
      const i = day - base;
      const guess = startMs + DAY_MS;
      const guessWall = wallTimeAt(zone, guess);
      // One Luxon lookup per ordinary day: only days with a transition resolve each time separately.
      const steady =
        startWall.offset === guessWall.offset &&
        wallKey(startWall) === day * DAY_MS &&
        wallKey(guessWall) === (day + 1) * DAY_MS;
      const next = steady ? guess : resolveWallTime(zone, day + 1, 0);
      let open = startMs;
      let close = startMs;
      const hours = this.schedule[weekdayIndexOfDay(day)];
      if (hours) {
        open = steady ? startMs + hours.open * MINUTE_MS : resolveWallTime(zone, day, hours.open);
        close =
          hours.close === MINUTES_PER_DAY
            ? next
            : steady
              ? startMs + hours.close * MINUTE_MS
              : resolveWallTime(zone, day, hours.close);
        // resolveWallTime is monotonic, so these clamps only guard the table's invariants.
        open = Math.min(Math.max(open, startMs), next);
        close = Math.min(Math.max(close, open), next);
      }
      cols.starts[i] = startMs;
      cols.opens[i] = open;
      cols.closes[i] = close;
      cols.steady[i] = steady ? 1 : 0;
      cols.starts[i + 1] = next;
      startMs = next;
      startWall = steady ? guessWall : wallTimeAt(zone, next);
    }
  }
}
