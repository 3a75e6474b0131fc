import type { WeeklyHours } from '@candor/evidence-domain';
import { WEEKDAYS } from '@candor/evidence-domain';
import type { ZoneOffsets } from './zone-offset';
import { zoneOffsets } from './zone-offset';

export const SECOND = 1_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Milliseconds in `n` (possibly fractional) minutes. */
export function minutes(n: number): number {
  return n * MINUTE;
}

type Span = readonly [open: number, close: number];

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * A store's wall clock: local days, minutes of the day and business hours in its time zone.
 * Agents only work while the store is open, so every action in a lead story is placed with this
 * clock. A local day is numbered like an epoch day (0 = 1970-01-01 local).
 */
export class StoreClock {
  private readonly offsets: ZoneOffsets;
  /** Opening and closing minute by weekday, Monday first; null when closed. */
  private readonly spans: (Span | null)[];

  constructor(timeZone: string, hours: WeeklyHours) {
    this.offsets = zoneOffsets(timeZone);
    this.spans = WEEKDAYS.map((day) => {
      const slot = hours[day];
      return slot ? ([minutesOf(slot[0]), minutesOf(slot[1])] as const) : null;
    });
    if (this.spans.every((span) => span === null)) {
      throw new RangeError('a store clock needs at least one open day');
    }
  }

  /** The local calendar day of an instant. */
  day(ms: number): number {
    return Math.floor((ms + this.offsets.minutesAt(ms) * MINUTE) / DAY);
  }

  /** Minutes since local midnight (fractional). */
  minuteOfDay(ms: number): number {
    const local = ms + this.offsets.minutesAt(ms) * MINUTE;
    return (local - Math.floor(local / DAY) * DAY) / MINUTE;
  }

  /** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
  weekday(day: number): number {
    return (((day + 3) % 7) + 7) % 7;
  }

  /** Opening and closing minute of a local day, or null when the store is closed. */
  hoursOn(day: number): Span | null {
    return this.spans[this.weekday(day)] ?? null;
  }

  /** The instant of local `minute` on local `day` (one of the two readings of a repeated hour). */
  at(day: number, minute: number): number {
    const local = day * DAY + minute * MINUTE;
    const guess = this.offsets.minutesAt(local);
    const ms = local - guess * MINUTE;
    const actual = this.offsets.minutesAt(ms);
    return actual === guess ? ms : local - actual * MINUTE;
  }

  /** Whether the store is open at `ms`, or closed less than `graceMin` minutes before it. */
  isOpen(ms: number, graceMin = 0): boolean {
    const span = this.hoursOn(this.day(ms));
    const minute = this.minuteOfDay(ms);
    if (span !== null && minute >= span[0] && minute < span[1]) return true;
    return graceMin > 0 && this.isOpen(ms - minutes(graceMin));
  }

  /** `ms` itself when the store is open then, otherwise its next opening. */
  nextOpen(ms: number): number {
    const day = this.day(ms);
    const span = this.hoursOn(day);
    const minute = this.minuteOfDay(ms);
    if (span && minute < span[1]) return minute >= span[0] ? ms : this.at(day, span[0]);
    return this.openingAfter(day);
  }

  /** The first day on or after `day` that the store opens. */
  openDayFrom(day: number): number {
    for (let d = day; ; d++) if (this.hoursOn(d)) return d;
  }

  /** When the store closes on `day`, an open day. */
  closingOn(day: number): number {
    const span = this.hoursOn(day);
    if (!span) throw new RangeError('closingOn needs an open day');
    return this.at(day, span[1]);
  }

  /**
   * A lead's first working day: the day it arrives if the store is still to open or open then,
   * else the next open day. Scoring counts cadence days from here, and so does the CRM.
   */
  firstWorkday(ms: number): number {
    const day = this.day(ms);
    const span = this.hoursOn(day);
    return span && this.minuteOfDay(ms) < span[1] ? day : this.openDayFrom(day + 1);
  }

  /** The first opening on a day after `day`. */
  openingAfter(day: number): number {
    for (let d = day + 1; ; d++) {
      const span = this.hoursOn(d);
      if (span) return this.at(d, span[0]);
    }
  }

  /** `minutes` of business time after `ms` (time while closed does not count). */
  addBusinessMinutes(ms: number, minutes: number): number {
    let t = this.nextOpen(ms);
    let left = minutes;
    for (;;) {
      const day = this.day(t);
      const span = this.hoursOn(day);
      if (!span) throw new RangeError('nextOpen returned a closed day');
      const close = this.at(day, span[1]);
      const room = (close - t) / MINUTE;
      if (left < room) return t + left * MINUTE;
      left -= room;
      t = this.openingAfter(day);
    }
  }

  /**
   * A working moment on local `day` near `minute`, kept `margin` minutes inside business hours;
   * on a closed day, the same on the next open day. Follow-ups are planned with it, because a
   * cadence step is due at the time of day the lead arrived whenever the store is open then.
   */
  slotOn(day: number, minute: number, margin = 20): number {
    for (let d = day; ; d++) {
      const span = this.hoursOn(d);
      if (!span) continue;
      const lo = span[0] + Math.min(margin, (span[1] - span[0]) / 4);
      const hi = span[1] - Math.min(margin, (span[1] - span[0]) / 4);
      return this.at(d, Math.min(hi, Math.max(lo, minute)));
    }
  }
}
