import { describe, expect, it } from 'vitest';
import { createBusinessClock } from './business-clock';
import type { WeeklyHours } from './weekly-hours';

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
const t = (iso: string): number => Date.parse(iso);

// Local day numbers (days since 1970-01-01): 2026-01-01 is 56 × 365 + 14 leap days = 20454, so
// Sat 2026-03-07 = 20454 + 31 + 28 + 6 = 20519, Sun 03-08 = 20520, Sun 09-06 = 20702,
// Sun 11-01 = 20758.
const SAT_MAR_7 = 20519;
const SUN_MAR_8 = 20520;
const SUN_SEP_6 = 20702;
const SUN_NOV_1 = 20758;

describe('local calendar in America/Chicago', () => {
  const clock = createBusinessClock('America/Chicago', STORE);

  it('turns the day over at local midnight, not UTC midnight', () => {
    // Sat 23:59 CST is already Sunday 05:59 in UTC
    expect(clock.localDay(t('2026-03-07T23:59-06:00'))).toBe(SAT_MAR_7);
    expect(clock.weekday(t('2026-03-07T23:59-06:00'))).toBe('sat');
    expect(clock.localMinuteOfDay(t('2026-03-07T23:59-06:00'))).toBe(1439);
    expect(clock.localDay(t('2026-03-08T00:00-06:00'))).toBe(SUN_MAR_8);
    expect(clock.weekday(t('2026-03-08T00:00-06:00'))).toBe('sun');
    expect(clock.localMinuteOfDay(t('2026-03-08T00:00-06:00'))).toBe(0);
  });

  it('reads wall-clock minutes, which jump over the spring-forward gap', () => {
    // 01:59 CST = minute 119; one real minute later the wall clock reads 03:00 CDT = minute 180
    expect(clock.localMinuteOfDay(t('2026-03-08T01:59-06:00'))).toBe(119);
    expect(clock.localMinuteOfDay(t('2026-03-08T03:00-05:00'))).toBe(180);
    expect(clock.localDay(t('2026-03-08T03:00-05:00'))).toBe(SUN_MAR_8);
    // Mon 09:00:30 CDT after the change: 540.5
    expect(clock.localMinuteOfDay(t('2026-03-09T09:00:30-05:00'))).toBe(540.5);
  });

  it('reads the same wall-clock minute twice in the repeated fall-back hour', () => {
    expect(clock.localMinuteOfDay(t('2026-11-01T01:30-05:00'))).toBe(90);
    expect(clock.localMinuteOfDay(t('2026-11-01T01:30-06:00'))).toBe(90);
    // The day is 25 h long, yet its last minute is still 23:59
    expect(clock.localMinuteOfDay(t('2026-11-01T23:59-06:00'))).toBe(1439);
    expect(clock.localDay(t('2026-11-01T23:59-06:00'))).toBe(SUN_NOV_1);
    expect(clock.weekday(t('2026-11-01T23:59-06:00'))).toBe('sun');
    expect(clock.weekday(t('2026-11-02T00:00-06:00'))).toBe('mon');
  });

  it('starts each day at local midnight, whatever the offset', () => {
    expect(clock.startOfLocalDay(SUN_MAR_8)).toBe(t('2026-03-08T00:00-06:00'));
    expect(clock.startOfLocalDay(SUN_MAR_8 + 1)).toBe(t('2026-03-09T00:00-05:00'));
    expect(clock.startOfLocalDay(SUN_NOV_1)).toBe(t('2026-11-01T00:00-05:00'));
    expect(clock.startOfLocalDay(SUN_NOV_1 + 1)).toBe(t('2026-11-02T00:00-06:00'));
  });
});

describe('local calendar where DST begins at midnight', () => {
  it('starts the spring-forward day in Havana at 01:00, the first instant that exists', () => {
    // Cuba jumps from Sat 23:59:59 CST (-05:00) to Sun 01:00 CDT (-04:00) on 2026-03-08
    const clock = createBusinessClock('America/Havana', ALWAYS);
    const start = clock.startOfLocalDay(SUN_MAR_8);
    expect(start).toBe(t('2026-03-08T01:00-04:00'));
    expect(clock.localDay(start)).toBe(SUN_MAR_8);
    expect(clock.localMinuteOfDay(start)).toBe(60);
    expect(clock.localDay(start - 1)).toBe(SAT_MAR_7);
    // Open around the clock, the short day still has 23 business hours = 1380
    expect(clock.businessMinutes(start, clock.startOfLocalDay(SUN_MAR_8 + 1))).toBe(1380);
  });

  it('starts the fall-back day in Havana at the first of its two midnights', () => {
    // Cuba falls back from 01:00 CDT to 00:00 CST on 2026-11-01, so 00:00 happens twice
    const clock = createBusinessClock('America/Havana', ALWAYS);
    expect(clock.startOfLocalDay(SUN_NOV_1)).toBe(t('2026-11-01T00:00-04:00'));
    // 00:00 CDT → Mon 00:00 CST: 25 h = 1500
    expect(clock.businessMinutes(t('2026-11-01T00:00-04:00'), t('2026-11-02T00:00-05:00'))).toBe(
      1500,
    );
  });

  it('starts the spring-forward day in Santiago at 01:00', () => {
    // Chile jumps from Sat 23:59:59 (-04:00) to Sun 01:00 (-03:00) on 2026-09-06
    const clock = createBusinessClock('America/Santiago', STORE);
    expect(clock.startOfLocalDay(SUN_SEP_6)).toBe(t('2026-09-06T01:00-03:00'));
    expect(clock.weekday(clock.startOfLocalDay(SUN_SEP_6))).toBe('sun');
  });
});

describe('local calendar in America/Phoenix', () => {
  it('reads local time at a fixed seven hours behind UTC', () => {
    const clock = createBusinessClock('America/Phoenix', STORE);
    // 12:00 UTC = 05:00 MST = minute 300
    expect(clock.localMinuteOfDay(t('2026-03-08T12:00Z'))).toBe(300);
    expect(clock.localDay(t('2026-03-08T12:00Z'))).toBe(SUN_MAR_8);
    // 03:00 UTC on Sunday is still 20:00 Saturday in Phoenix
    expect(clock.weekday(t('2026-03-08T03:00Z'))).toBe('sat');
  });
});

describe('businessDaysBetween', () => {
  const clock = createBusinessClock('America/Chicago', STORE);

  it('counts the days with hours, skipping closed days', () => {
    // Mon 03-02 → Mon 03-16: two weeks of Mon-Sat = 12
    expect(clock.businessDaysBetween(20514, 20528)).toBe(12);
    // Thu 03-05 → Tue 03-10 (exclusive): Thu, Fri, Sat, Mon = 4 (Sunday is closed)
    expect(clock.businessDaysBetween(20517, 20522)).toBe(4);
    // Just the closed Sunday
    expect(clock.businessDaysBetween(SUN_MAR_8, SUN_MAR_8 + 1)).toBe(0);
  });

  it('gives 0 for an empty or reversed range', () => {
    expect(clock.businessDaysBetween(20522, 20522)).toBe(0);
    expect(clock.businessDaysBetween(20522, 20517)).toBe(0);
  });
});
