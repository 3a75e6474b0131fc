import fc from 'fast-check';
import { DateTime, FixedOffsetZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { exampleOf } from './example-bundle.fixture';
import { explainInstant, instantFormatter, parseInstant, scanInstant } from './instant-parser';
import { validateRecord } from './record-validator';

function atErrors(at: unknown): unknown {
  const result = validateRecord({ ...exampleOf('note'), at });
  return result.ok ? [] : result.errors;
}

describe('parseInstant', () => {
  it('converts ISO 8601 with an offset or Z to epoch ms', () => {
    const chicago = Date.UTC(2026, 2, 2, 15, 14);
    expect(parseInstant('2026-03-02T09:14:00-06:00')).toBe(chicago);
    expect(parseInstant('2026-03-02T15:14:00Z')).toBe(chicago);
    expect(parseInstant('2026-03-02T15:14Z')).toBe(chicago);
    expect(parseInstant('2026-03-02T20:44:00+05:30')).toBe(chicago);
    expect(parseInstant('2026-03-02T20:44:00+0530')).toBe(chicago);
    expect(parseInstant('2026-03-02T21:14:00+06')).toBe(chicago);
    expect(parseInstant('2026-03-02T15:14:00.25Z')).toBe(chicago + 250);
    expect(parseInstant('2026-03-02T15:14:00.123999Z')).toBe(chicago + 123);
    expect(parseInstant('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
  });

  it('hands other ISO 8601 forms with an offset to Luxon', () => {
    const chicago = Date.UTC(2026, 2, 2, 15, 14);
    expect(parseInstant('20260302T151400Z')).toBe(chicago);
    expect(parseInstant('2026-W10-1T15:14:00Z')).toBe(chicago);
    expect(parseInstant('20260302T151400')).toBe(
      '"20260302T151400" has no UTC offset; add Z or ±HH:MM',
    );
  });

  it('rejects a time without an offset', () => {
    expect(atErrors('2026-03-03T11:00:00')).toEqual([
      { field: 'at', reason: '"2026-03-03T11:00:00" has no UTC offset; add Z or ±HH:MM' },
    ]);
    expect(parseInstant('2026-03-03')).toBe(
      '"2026-03-03" is a date without a time and UTC offset (e.g. 2026-03-02T09:14:00-06:00)',
    );
  });

  it('rejects impossible dates and times that Date.parse would roll over', () => {
    expect(Number.isNaN(Date.parse('2026-02-30T10:00:00Z'))).toBe(false); // why the fast path checks
    expect(atErrors('2026-02-30T10:00:00-06:00')).toEqual([
      {
        field: 'at',
        reason: '"2026-02-30T10:00:00-06:00" is not a real date: February 2026 has 28 days',
      },
    ]);
    expect(parseInstant('2026-04-31T10:00:00Z')).toMatch(/April 2026 has 30 days$/);
    expect(parseInstant('2026-13-01T10:00:00Z')).toMatch(/there is no month 13$/);
    expect(parseInstant('2026-03-02T25:00:00Z')).toMatch(/hour 25 does not exist \(00–23\)$/);
    expect(parseInstant('2026-03-02T24:00:00Z')).toMatch(/write 00:00 of the next day$/);
    expect(parseInstant('2026-03-02T10:60:00Z')).toMatch(/minute 60 does not exist/);
    expect(parseInstant('2026-03-02T10:00:60Z')).toMatch(/second 60 does not exist/);
    expect(parseInstant('2026-03-02T10:00:00+19:00')).toMatch(/impossible UTC offset \+19:00/);
    expect(parseInstant('20260230T100000Z')).toMatch(/as a day, which is invalid/);
  });

  it('rejects unparsable text and non-strings', () => {
    expect(atErrors('yesterday')).toEqual([
      {
        field: 'at',
        reason: '"yesterday" is not an ISO 8601 time (e.g. 2026-03-02T09:14:00-06:00)',
      },
    ]);
    expect(parseInstant('2026-03-02 09:14:00-06:00')).toMatch(
      /separates the date and time with a space; use T/,
    );
    expect(parseInstant('9'.repeat(10_000))).toMatch(/is not an ISO 8601 time/);
    expect(atErrors(1772464440000)).toEqual([
      { field: 'at', reason: 'must be an ISO 8601 time string, got a number' },
    ]);
  });

  it('rejects years outside 2000–2100 as implausible', () => {
    expect(parseInstant('1999-12-31T23:59:59Z')).toBe(
      '"1999-12-31T23:59:59Z" is implausible: year 1999 is outside 2000–2100',
    );
    expect(parseInstant('2101-01-01T00:00:00Z')).toMatch(/year 2101 is outside/);
    expect(parseInstant('2000-01-01T00:00:00+14:00')).toBe(Date.UTC(1999, 11, 31, 10));
    expect(parseInstant('2100-12-31T23:59:59.999-12:00')).toBe(
      Date.UTC(2101, 0, 1, 11, 59, 59, 999),
    );
  });

  it('agrees with Luxon on every instant of 2000–2100 in any offset', () => {
    const offsets = fc.integer({ min: -18 * 60, max: 18 * 60 });
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1, 18), max: Date.UTC(2100, 11, 31, 5, 59) }),
        offsets,
        fc.boolean(),
        (ms, offset, colon) => {
          const local = DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) });
          const sign = offset < 0 ? '-' : '+';
          const hh = String(Math.trunc(Math.abs(offset) / 60)).padStart(2, '0');
          const mm = String(Math.abs(offset) % 60).padStart(2, '0');
          const text = `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}${sign}${hh}${colon ? ':' : ''}${mm}`;
          expect(parseInstant(text)).toBe(DateTime.fromISO(text).toMillis());
          expect(parseInstant(text)).toBe(ms);
        },
      ),
    );
  });

  it('takes the fast path only for text the careful path accepts with the same result', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const part = (min: number, max: number, width = 2) =>
      fc.integer({ min, max }).map((n) => pad(n, width));
    const text = fc
      .tuple(
        part(1995, 2105, 4),
        part(0, 13),
        part(0, 32),
        fc.constantFrom('T', 't', ' '),
        part(0, 25),
        part(0, 61),
        fc.option(part(0, 61)),
        fc.option(fc.stringMatching(/^\.\d{0,11}$/)),
        fc.constantFrom('', 'Z', 'z', '+05:30', '-0600', '+14', '-19:00', '+05:60', '+5', 'Zx'),
      )
      .map(
        ([y, mo, d, t, h, mi, s, f, off]) =>
          `${y}-${mo}-${d}${t}${h}:${mi}${s === null ? '' : `:${s}${f ?? ''}`}${off}`,
      );
    fc.assert(
      fc.property(text, (t) => {
        const fast = scanInstant(t);
        const careful = explainInstant(t);
        if (!Number.isNaN(fast)) expect(careful).toBe(fast);
        if (typeof careful === 'number' && /^[^ tz]*$/.test(t)) expect(fast).toBe(careful);
      }),
      { numRuns: 2_000 },
    );
  });

  it('formats instants with the zone offset so that they parse back', () => {
    const ms = Date.UTC(2026, 2, 2, 15, 14);
    expect(instantFormatter()(ms)).toBe('2026-03-02T15:14:00Z');
    expect(instantFormatter()(ms + 5)).toBe('2026-03-02T15:14:00.005Z');
    expect(instantFormatter('America/Chicago')(ms)).toBe('2026-03-02T09:14:00-06:00');
    expect(() => instantFormatter('Mars/Olympus')).toThrow(RangeError);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2100, 11, 30) }),
        fc.constantFrom(
          'UTC',
          'America/Chicago',
          'Asia/Kolkata',
          'Pacific/Chatham',
          'Europe/London',
        ),
        (instant, zone) => {
          expect(parseInstant(instantFormatter(zone)(instant))).toBe(instant);
        },
      ),
    );
  });
});
