import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readVendorTime } from './vendor-time';

const read = (text: string, zone = 'America/Chicago') => {
  const t = readVendorTime(text, zone);
  return t.ok ? new Date(t.ms).toISOString() : t.reason;
};

describe('readVendorTime', () => {
  it.each([
    ['2026-03-02T09:13:12-06:00', '2026-03-02T15:13:12.000Z'],
    ['2026-03-02T09:13:12-0600', '2026-03-02T15:13:12.000Z'],
    ['2026-03-02T09:13:12-06', '2026-03-02T15:13:12.000Z'],
    ['2026-03-02 09:13:12', '2026-03-02T15:13:12.000Z'],
    ['2026-03-02T09:13:12.5Z', '2026-03-02T09:13:12.500Z'],
    ['2026-03-02 09:13:12 UTC', '2026-03-02T09:13:12.000Z'],
    ['Mon, 02 Mar 2026 15:55:10 +0000', '2026-03-02T15:55:10.000Z'],
    ['3/2/2026 9:55 AM', '2026-03-02T15:55:00.000Z'],
    ['03/02/2026 21:55', '2026-03-03T03:55:00.000Z'],
    // Summer time in Chicago: the zone's offset at that date, not a fixed one.
    ['2026-07-02 09:00', '2026-07-02T14:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('reads an impossible offset as store wall time and says so', () => {
    const t = readVendorTime('2026-03-02T09:13:12+9900', 'America/Chicago');
    expect(t).toMatchObject({ ok: true, offsetIgnored: true, iso: '2026-03-02T09:13:12-06:00' });
  });

  it.each([
    ['2026-02-30T10:00:00', /not a real time/],
    ['1850-01-01T00:00:00Z', /year 1850 is outside 2000–2100/],
    ['yesterday', /is not a date and time this connector reads/],
    ['', /is empty/],
    ['9'.repeat(200), /too long/],
  ])('explains %s', (text, reason) => {
    expect(read(text)).toMatch(reason);
  });

  it('never throws, and an accepted time is always a valid ISO instant', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.constantFrom('UTC', 'America/Chicago', 'Asia/Kolkata'),
        (text, zone) => {
          const t = readVendorTime(text, zone);
          if (t.ok) expect(Date.parse(t.iso)).toBe(t.ms);
          else expect(t.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
