import { describe, expect, it } from 'vitest';
import { createBusinessClock } from './business-clock';
import type { WeeklyHours } from './weekly-hours';

// A typical dealership: weekdays 09:00-20:00 (11 h = 660 min), Saturday 09:00-18:00 (9 h = 540 min),
// Sunday closed. A full week is 5 × 660 + 540 = 3840 business minutes.
const STORE: WeeklyHours = {
  mon: ['09:00', '20:00'],
  tue: ['09:00', '20:00'],
  wed: ['09:00', '20:00'],
  thu: ['09:00', '20:00'],
  fri: ['09:00', '20:00'],
  sat: ['09:00', '18:00'],
  sun: null,
};
const ALWAYS: WeeklyHours = {
  mon: ['00:00', '24:00'],
  tue: ['00:00', '24:00'],
  wed: ['00:00', '24:00'],
  thu: ['00:00', '24:00'],
  fri: ['00:00', '24:00'],
  sat: ['00:00', '24:00'],
  sun: ['00:00', '24:00'],
};
const sundayOnly = (hours: readonly [string, string]): WeeklyHours => ({
  mon: null,
  tue: null,
  wed: null,
  thu: null,
  fri: null,
  sat: null,
  sun: hours,
});
// Instants are written with the offset in force locally (CST -06:00, CDT -05:00) so each can be
// checked by eye against a wall clock.
const t = (iso: string): number => Date.parse(iso);

describe('business minutes in America/Chicago across the 2026 DST changes', () => {
  const store = createBusinessClock('America/Chicago', STORE);

  it('gives a store open around the clock 23 hours on the spring-forward Sunday', () => {
    const clock = createBusinessClock('America/Chicago', ALWAYS);
    // Sun 2026-03-08 00:00 CST → Mon 00:00 CDT; 02:00-03:00 never happens: 23 h = 1380
    expect(clock.businessMinutes(t('2026-03-08T00:00-06:00'), t('2026-03-09T00:00-05:00'))).toBe(
      1380,
    );
  });

  it('gives a store open around the clock 25 hours on the fall-back Sunday', () => {
    const clock = createBusinessClock('America/Chicago', ALWAYS);
    // Sun 2026-11-01 00:00 CDT → Mon 00:00 CST; 01:00-02:00 happens twice: 25 h = 1500
    expect(clock.businessMinutes(t('2026-11-01T00:00-05:00'), t('2026-11-02T00:00-06:00'))).toBe(
      1500,
    );
  });

  it('leaves 09:00-20:00 hours untouched by the DST weekends', () => {
    // Fri 19:00 CST → Mon 10:00 CDT: 60 Fri + 540 Sat + 0 Sun + 60 Mon = 660
    expect(store.businessMinutes(t('2026-03-06T19:00-06:00'), t('2026-03-09T10:00-05:00'))).toBe(
      660,
    );
    // Fri 19:00 CDT → Mon 10:00 CST: the same 660
    expect(store.businessMinutes(t('2026-10-30T19:00-05:00'), t('2026-11-02T10:00-06:00'))).toBe(
      660,
    );
    // The weeks holding each change are ordinary 3840-minute weeks.
    expect(store.businessMinutes(t('2026-03-02T00:00-06:00'), t('2026-03-09T00:00-05:00'))).toBe(
      3840,
    );
    expect(store.businessMinutes(t('2026-10-26T00:00-05:00'), t('2026-11-02T00:00-06:00'))).toBe(
      3840,
    );
  });

  it('opens at the first instant after the gap when the opening time is skipped', () => {
    const clock = createBusinessClock('America/Chicago', sundayOnly(['02:30', '12:00']));
    // 02:30 does not exist on 2026-03-08; the store opens at 03:00 CDT and stays open to 12:00: 540
    expect(clock.businessMinutes(t('2026-03-08T00:00-06:00'), t('2026-03-09T00:00-05:00'))).toBe(
      540,
    );
    expect(clock.isOpen(t('2026-03-08T01:59-06:00'))).toBe(false);
    expect(clock.isOpen(t('2026-03-08T03:00-05:00'))).toBe(true);
  });

  it('opens at the first occurrence of an opening time that fall-back repeats', () => {
    const clock = createBusinessClock('America/Chicago', sundayOnly(['01:30', '10:00']));
    // Opens 01:30 CDT (06:30Z), closes 10:00 CST (16:00Z): 9.5 h = 570, one more hour than the
    // 8.5 h the wall clock suggests, because 01:00-02:00 is lived twice.
    expect(clock.businessMinutes(t('2026-11-01T00:00-05:00'), t('2026-11-02T00:00-06:00'))).toBe(
      570,
    );
    expect(clock.isOpen(t('2026-11-01T01:15-05:00'))).toBe(false);
    expect(clock.isOpen(t('2026-11-01T01:15-06:00'))).toBe(true);
  });

  it('closes at the first occurrence of a closing time that fall-back repeats', () => {
    const clock = createBusinessClock('America/Chicago', sundayOnly(['00:00', '01:30']));
    // 00:00 CDT → first 01:30 (CDT): 90; the repeated hour after it is closed
    expect(clock.businessMinutes(t('2026-11-01T00:00-05:00'), t('2026-11-02T00:00-06:00'))).toBe(
      90,
    );
    expect(clock.isOpen(t('2026-11-01T01:10-06:00'))).toBe(false);
  });
});

describe('leads that arrive outside business hours', () => {
  const store = createBusinessClock('America/Chicago', STORE);

  it('counts a lead from after Saturday closing only from Monday 09:00 when Sunday is closed', () => {
    // Sat 18:30 (closed at 18:00) → Mon 09:10: 0 Sat + 0 Sun + 10 Mon = 10
    expect(store.businessMinutes(t('2026-03-14T18:30-05:00'), t('2026-03-16T09:10-05:00'))).toBe(
      10,
    );
    // Answered at the Monday opening: nothing has accrued yet.
    expect(store.businessMinutes(t('2026-03-14T18:30-05:00'), t('2026-03-16T09:00-05:00'))).toBe(0);
    // Same over the spring-forward weekend: Sat 19:00 CST → Mon 09:10 CDT = 10
    expect(store.businessMinutes(t('2026-03-07T19:00-06:00'), t('2026-03-09T09:10-05:00'))).toBe(
      10,
    );
  });

  it('counts a lead from before opening only from opening time', () => {
    // Tue 07:00 → Tue 09:15: 15
    expect(store.businessMinutes(t('2026-03-10T07:00-05:00'), t('2026-03-10T09:15-05:00'))).toBe(
      15,
    );
  });

  it('counts the open parts of every day between a Friday evening and Monday morning', () => {
    // Fri 19:50 → Mon 09:10: 10 Fri + 540 Sat + 0 Sun + 10 Mon = 560
    expect(store.businessMinutes(t('2026-03-20T19:50-05:00'), t('2026-03-23T09:10-05:00'))).toBe(
      560,
    );
  });

  it('counts fractions of a minute', () => {
    // Mon 09:00:00 → 09:00:45: 0.75
    expect(
      store.businessMinutes(t('2026-03-16T09:00:00-05:00'), t('2026-03-16T09:00:45-05:00')),
    ).toBe(0.75);
  });

  it('is open from opening time up to but not including closing time, and never on a closed day', () => {
    expect(store.isOpen(t('2026-03-16T08:59-05:00'))).toBe(false);
    expect(store.isOpen(t('2026-03-16T09:00-05:00'))).toBe(true);
    expect(store.isOpen(t('2026-03-16T19:59-05:00'))).toBe(true);
    expect(store.isOpen(t('2026-03-16T20:00-05:00'))).toBe(false);
    expect(store.isOpen(t('2026-03-15T12:00-05:00'))).toBe(false);
  });
});

describe('long and degenerate spans', () => {
  const store = createBusinessClock('America/Chicago', STORE);

  it('counts every week in full over many weeks, including both DST changes', () => {
    // Mon 2026-01-05 → Mon 2026-06-01 is 147 days = 21 weeks: 21 × 3840 = 80640
    expect(store.businessMinutes(t('2026-01-05T00:00-06:00'), t('2026-06-01T00:00-05:00'))).toBe(
      80640,
    );
    // Mon 2026-01-05 → Mon 2027-01-04 is 52 weeks: 52 × 3840 = 199680
    expect(store.businessMinutes(t('2026-01-05T00:00-06:00'), t('2027-01-04T00:00-06:00'))).toBe(
      199680,
    );
  });

  it('counts a span reaching years before the first instant the clock was asked about', () => {
    const fresh = createBusinessClock('America/Chicago', STORE);
    // Mon 10:00 → 10:30: 30
    expect(fresh.businessMinutes(t('2026-03-16T10:00-05:00'), t('2026-03-16T10:30-05:00'))).toBe(
      30,
    );
    // Mon 2024-01-01 → Mon 2026-01-05 is 366 + 365 + 4 = 735 days = 105 weeks: 105 × 3840 = 403200
    expect(fresh.businessMinutes(t('2024-01-01T00:00-06:00'), t('2026-01-05T00:00-06:00'))).toBe(
      403200,
    );
  });

  it('makes a long span equal the sum of its days', () => {
    const from = t('2026-01-14T15:45-06:00');
    const to = t('2026-12-02T11:20-06:00');
    const firstDay = store.localDay(from);
    const lastDay = store.localDay(to);
    let sum = store.businessMinutes(from, store.startOfLocalDay(firstDay + 1));
    for (let day = firstDay + 1; day < lastDay; day++) {
      sum += store.businessMinutes(store.startOfLocalDay(day), store.startOfLocalDay(day + 1));
    }
    sum += store.businessMinutes(store.startOfLocalDay(lastDay), to);
    expect(store.businessMinutes(from, to)).toBe(sum);
    // Wed 01-14 15:45-20:00 = 255; Thu 01-15 .. Tue 12-01 is 321 days = 45 weeks (172800) plus
    // Thu-Tue (660 + 660 + 540 + 0 + 660 + 660 = 3180); Wed 12-02 09:00-11:20 = 140: 176375
    expect(sum).toBe(176375);
  });

  it('gives closed days nothing', () => {
    expect(store.businessMinutes(t('2026-03-15T00:00-05:00'), t('2026-03-16T00:00-05:00'))).toBe(0);
  });

  it('gives 0 when the span is empty or reversed', () => {
    const monday = t('2026-03-16T10:00-05:00');
    expect(store.businessMinutes(monday, monday)).toBe(0);
    expect(store.businessMinutes(monday + 3_600_000, monday)).toBe(0);
  });

  it('rejects instants that are not numbers', () => {
    expect(() => store.businessMinutes(NaN, 0)).toThrow(RangeError);
    expect(() => store.isOpen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('America/Phoenix (no DST)', () => {
  it('keeps every day 24 hours long on the dates Chicago changes', () => {
    const clock = createBusinessClock('America/Phoenix', ALWAYS);
    // MST (-07:00) all year: 1440 both days
    expect(clock.businessMinutes(t('2026-03-08T00:00-07:00'), t('2026-03-09T00:00-07:00'))).toBe(
      1440,
    );
    expect(clock.businessMinutes(t('2026-11-01T00:00-07:00'), t('2026-11-02T00:00-07:00'))).toBe(
      1440,
    );
  });

  it('counts store hours over those weekends like any other', () => {
    const store = createBusinessClock('America/Phoenix', STORE);
    // Fri 19:00 → Mon 10:00: 60 + 540 + 0 + 60 = 660
    expect(store.businessMinutes(t('2026-03-06T19:00-07:00'), t('2026-03-09T10:00-07:00'))).toBe(
      660,
    );
  });
});

describe('a store with no known hours', () => {
  const clock = createBusinessClock('America/Chicago', null);

  it('counts every wall-clock minute, across DST as elapsed time', () => {
    // Sat 00:00 CST → Mon 00:00 CDT: 24 h + 23 h = 47 h = 2820
    expect(clock.businessMinutes(t('2026-03-07T00:00-06:00'), t('2026-03-09T00:00-05:00'))).toBe(
      2820,
    );
    expect(clock.businessMinutes(t('2026-03-09T00:00-05:00'), t('2026-03-07T00:00-06:00'))).toBe(0);
  });

  it('is always open and treats every day as a business day', () => {
    expect(clock.isOpen(t('2026-03-08T03:00-05:00'))).toBe(true);
    // Mon 2026-03-02 (day 20514) → Sat 2026-03-07 (day 20519): 5 days
    expect(clock.businessDaysBetween(20514, 20519)).toBe(5);
  });
});
