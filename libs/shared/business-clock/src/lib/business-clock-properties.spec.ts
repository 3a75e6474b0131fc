import fc from 'fast-check';
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
// Hours chosen to open and close inside the DST gap and the repeated hour.
const AWKWARD: WeeklyHours = {
  mon: ['00:00', '24:00'],
  tue: ['02:30', '02:45'],
  wed: null,
  thu: ['01:15', '23:59'],
  fri: ['00:00', '01:30'],
  sat: ['02:15', '24:00'],
  sun: ['01:30', '02:30'],
};
const CLOCKS = [
  createBusinessClock('America/Chicago', STORE),
  createBusinessClock('America/Chicago', AWKWARD),
  createBusinessClock('America/Havana', AWKWARD),
  createBusinessClock('America/Phoenix', STORE),
  createBusinessClock('America/Chicago', null),
];

const DAY = 86_400_000;
// Instants anywhere in 2025-2027, or within two days of a 2026 DST change, to ms precision.
const transitions = ['2026-03-08T08:00Z', '2026-11-01T07:00Z', '2026-03-08T05:00Z'].map(Date.parse);
const instant = fc.oneof(
  fc.integer({ min: Date.parse('2025-01-01T00:00Z'), max: Date.parse('2028-01-01T00:00Z') }),
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -2 * DAY, max: 2 * DAY }))
    .map(([at, delta]) => at + delta),
);
const clock = fc.constantFrom(...CLOCKS);

describe('businessMinutes properties', () => {
  it('adds up: the minutes from a to c are those from a to b plus those from b to c', () => {
    fc.assert(
      fc.property(clock, instant, instant, instant, (c, x, y, z) => {
        const [a, b, d] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const whole = c.businessMinutes(a, d);
        const parts = c.businessMinutes(a, b) + c.businessMinutes(b, d);
        expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it('never counts more business minutes than wall-clock minutes, nor fewer than zero', () => {
    fc.assert(
      fc.property(clock, instant, instant, (c, x, y) => {
        const [a, b] = x < y ? [x, y] : [y, x];
        const minutes = c.businessMinutes(a, b);
        expect(minutes).toBeGreaterThanOrEqual(0);
        expect(minutes).toBeLessThanOrEqual((b - a) / 60_000 + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });
});
