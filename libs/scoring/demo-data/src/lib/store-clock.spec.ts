import type { WeeklyHours } from '@candor/evidence-domain';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { StoreClock } from './store-clock';

const HOURS: WeeklyHours = {
  mon: ['09:00', '20:00'],
  tue: ['09:00', '20:00'],
  wed: ['09:00', '20:00'],
  thu: ['09:00', '20:00'],
  fri: ['09:00', '20:00'],
  sat: ['09:00', '18:00'],
  sun: null,
};
const ZONE = 'America/Chicago';
const clock = new StoreClock(ZONE, HOURS);
const local = (iso: string): number => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

describe('StoreClock', () => {
  it('reads the local day, weekday and minute of any instant like Luxon does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(ZONE, 'America/New_York', 'America/Phoenix', 'America/Los_Angeles'),
        (ms, zone) => {
          const c = new StoreClock(zone, HOURS);
          const t = DateTime.fromMillis(ms, { zone });
          const epochDay = Date.UTC(t.year, t.month - 1, t.day) / 86_400_000;
          expect(c.day(ms)).toBe(epochDay);
          expect(c.weekday(c.day(ms))).toBe(t.weekday - 1);
          expect(Math.floor(c.minuteOfDay(ms))).toBe(t.hour * 60 + t.minute);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('turns a local day and minute back into the instant, on DST days too', () => {
    const springForward = clock.day(local('2026-03-08T12:00'));
    expect(clock.at(springForward, 9 * 60)).toBe(local('2026-03-08T09:00'));
    const fallBack = clock.day(local('2026-11-01T12:00'));
    expect(clock.at(fallBack, 17 * 60 + 30)).toBe(local('2026-11-01T17:30'));
  });

  it('moves work after closing to the next opening, skipping the closed Sunday', () => {
    expect(clock.nextOpen(local('2026-03-07T18:30'))).toBe(local('2026-03-09T09:00'));
    expect(clock.nextOpen(local('2026-03-09T07:10'))).toBe(local('2026-03-09T09:00'));
    expect(clock.nextOpen(local('2026-03-09T11:11'))).toBe(local('2026-03-09T11:11'));
    expect(clock.isOpen(local('2026-03-08T12:00'))).toBe(false);
  });

  it('counts business minutes only while the store is open', () => {
    expect(clock.addBusinessMinutes(local('2026-03-06T19:50'), 20)).toBe(local('2026-03-07T09:10'));
    expect(clock.addBusinessMinutes(local('2026-03-07T17:55'), 10)).toBe(local('2026-03-09T09:05'));
    expect(clock.addBusinessMinutes(local('2026-03-09T10:00'), 0)).toBe(local('2026-03-09T10:00'));
  });

  it('plans follow-ups inside business hours, on the next open day when closed', () => {
    const sunday = clock.day(local('2026-03-08T12:00'));
    expect(clock.slotOn(sunday, 14 * 60)).toBe(local('2026-03-09T14:00'));
    const monday = sunday + 1;
    expect(clock.slotOn(monday, 23 * 60)).toBe(local('2026-03-09T19:40'));
    expect(clock.slotOn(monday, 3 * 60)).toBe(local('2026-03-09T09:20'));
  });

  it('refuses a store that is never open', () => {
    const closed = { ...HOURS, mon: null, tue: null, wed: null, thu: null, fri: null, sat: null };
    expect(() => new StoreClock(ZONE, closed)).toThrow(RangeError);
  });
});
