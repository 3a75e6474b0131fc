import { describe, expect, it } from 'vitest';
import {
  customPeriod,
  judgedAt,
  periodContaining,
  periodOfDate,
  periodsUpTo,
  previousPeriod,
} from './period';

const CHI = 'America/Chicago';
const at = (iso: string) => Date.parse(iso);

describe('store-local periods', () => {
  it('a day starts at local midnight, and the spring-forward day has 23 hours', () => {
    const p = periodContaining('day', at('2026-03-08T12:00:00-05:00'), CHI);
    expect(p.label).toBe('2026-03-08');
    expect(new Date(p.start).toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect((p.end - p.start) / 3_600_000).toBe(23);
  });

  it('late evening local time belongs to the local day, not the UTC one', () => {
    // 23:30 in Chicago on 2 March is already 3 March in UTC.
    expect(periodContaining('day', at('2026-03-03T05:30:00Z'), CHI).label).toBe('2026-03-02');
  });

  it('weeks start on Monday and are named by ISO week; months by year-month', () => {
    const week = periodContaining('week', at('2026-03-08T12:00:00-05:00'), CHI);
    expect(week.label).toBe('2026-W10');
    expect(new Date(week.start).toISOString()).toBe('2026-03-02T06:00:00.000Z');
    expect(new Date(week.end).toISOString()).toBe('2026-03-09T05:00:00.000Z');
    const month = periodOfDate('month', '2026-02-14', CHI);
    expect(month.label).toBe('2026-02');
    expect(new Date(month.end).toISOString()).toBe('2026-03-01T06:00:00.000Z');
  });

  it('previous and trailing periods line up without gaps', () => {
    const week = periodOfDate('week', '2026-03-04', CHI);
    expect(previousPeriod(week, CHI).label).toBe('2026-W09');
    expect(previousPeriod(week, CHI).end).toBe(week.start);
    const months = periodsUpTo('month', at('2026-03-15T00:00:00Z'), 3, CHI);
    expect(months.map((m) => m.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(months[0]!.end).toBe(months[1]!.start);
  });

  it('a custom window is checked, and its previous window has the same length', () => {
    const p = customPeriod(at('2026-03-02T00:00:00Z'), at('2026-03-05T00:00:00Z'));
    expect(previousPeriod(p, CHI)).toMatchObject({
      start: at('2026-02-27T00:00:00Z'),
      end: p.start,
    });
    expect(() => customPeriod(p.end, p.start)).toThrow('from must be before to');
    expect(() => customPeriod(0, 500 * 86_400_000)).toThrow('at most 400 days');
    expect(() => periodOfDate('day', '2026-02-30', CHI)).toThrow('is not a date');
  });

  it('a running period is judged as of now, a finished one as of its end', () => {
    const p = periodOfDate('day', '2026-03-04', CHI);
    expect(judgedAt(p, p.start + 1000)).toBe(p.start + 1000);
    expect(judgedAt(p, p.end + 1000)).toBe(p.end);
  });
});
