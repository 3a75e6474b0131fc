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
// Hours usually arrive as stored JSON, so the tests feed shapes the type would not allow.
const withDay = (day: string, value: unknown): WeeklyHours =>
  ({ ...STORE, [day]: value }) as unknown as WeeklyHours;

describe('createBusinessClock validation', () => {
  it('rejects a time zone that is not an IANA name', () => {
    expect(() => createBusinessClock('America/Chicgo', STORE)).toThrow(
      'Invalid time zone "America/Chicgo"',
    );
    expect(() => createBusinessClock('', STORE)).toThrow('Invalid time zone ""');
  });

  it('names the day whose hours are not HH:MM', () => {
    expect(() => createBusinessClock('America/Chicago', withDay('tue', ['9:00', '20:00']))).toThrow(
      /for tue: open "9:00"/,
    );
    expect(() =>
      createBusinessClock('America/Chicago', withDay('thu', ['09:00', '12:60'])),
    ).toThrow(/for thu: close "12:60"/);
    expect(() => createBusinessClock('America/Chicago', withDay('fri', '09:00-20:00'))).toThrow(
      /for fri:/,
    );
  });

  it('names the day whose times are out of range', () => {
    expect(() =>
      createBusinessClock('America/Chicago', withDay('wed', ['09:00', '25:00'])),
    ).toThrow(/for wed: close "25:00"/);
    // '24:00' ends a day; it cannot open one
    expect(() =>
      createBusinessClock('America/Chicago', withDay('sat', ['24:00', '24:00'])),
    ).toThrow(/for sat: open "24:00"/);
  });

  it('names the day that closes before, or as, it opens', () => {
    expect(() =>
      createBusinessClock('America/Chicago', withDay('fri', ['18:00', '09:00'])),
    ).toThrow(/for fri: open 18:00 must be before close 09:00/);
    expect(() =>
      createBusinessClock('America/Chicago', withDay('mon', ['09:00', '09:00'])),
    ).toThrow(/for mon:/);
  });

  it('names a missing day and an unknown one', () => {
    const { sun: _sun, ...withoutSunday } = STORE;
    expect(() => createBusinessClock('America/Chicago', withoutSunday as WeeklyHours)).toThrow(
      /for sun: missing/,
    );
    expect(() => createBusinessClock('America/Chicago', withDay('monday', null))).toThrow(
      /unknown day "monday"/,
    );
  });

  it('accepts a day open from 00:00 to 24:00 and a week closed every day', () => {
    const clock = createBusinessClock('America/Chicago', withDay('sun', ['00:00', '24:00']));
    // Sun 2026-03-15 is open all day (CDT all day): 1440
    expect(
      clock.businessMinutes(
        Date.parse('2026-03-15T00:00-05:00'),
        Date.parse('2026-03-16T00:00-05:00'),
      ),
    ).toBe(1440);
    const closed = createBusinessClock('America/Chicago', {
      mon: null,
      tue: null,
      wed: null,
      thu: null,
      fri: null,
      sat: null,
      sun: null,
    });
    expect(
      closed.businessMinutes(Date.parse('2026-03-01T00:00Z'), Date.parse('2026-04-01T00:00Z')),
    ).toBe(0);
    expect(closed.businessDaysBetween(20514, 20528)).toBe(0);
  });
});
