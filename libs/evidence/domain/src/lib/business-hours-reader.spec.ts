import { describe, expect, it } from 'vitest';
import { exampleOf } from './example-bundle.fixture';
import { validateRecord } from './record-validator';

const week = {
  mon: ['09:00', '20:00'],
  tue: ['09:00', '20:00'],
  wed: ['09:00', '20:00'],
  thu: ['09:00', '20:00'],
  fri: ['09:00', '20:00'],
  sat: ['00:00', '24:00'],
  sun: null,
};

function hoursResult(businessHours: unknown) {
  return validateRecord({ ...exampleOf('store'), businessHours });
}

function hoursErrors(businessHours: unknown) {
  const result = hoursResult(businessHours);
  return result.ok ? [] : result.errors;
}

describe('store businessHours', () => {
  it('accepts seven days of null or [open, close], with 24:00 as a closing time', () => {
    const result = hoursResult(week);
    expect(result).toMatchObject({ ok: true, record: { businessHours: week } });
  });

  it('is null when missing or null', () => {
    const store = exampleOf('store');
    delete store['businessHours'];
    expect(validateRecord(store)).toMatchObject({ ok: true, record: { businessHours: null } });
    expect(hoursResult(null)).toMatchObject({ ok: true, record: { businessHours: null } });
  });

  it('requires every day, so a forgotten day is not graded as closed', () => {
    const { sun: _sun, ...sixDays } = week;
    expect(hoursErrors(sixDays)).toEqual([
      { field: 'businessHours.sun', reason: 'is missing (use null for a closed day)' },
    ]);
  });

  it('rejects unknown days, bad times, and a close not after the open', () => {
    expect(
      hoursErrors({
        ...week,
        tues: null,
        mon: ['9:00', '20:00'],
        tue: ['20:00', '09:00'],
        wed: ['09:00'],
        thu: ['24:00', '24:00'],
        fri: 'closed',
        sat: ['00:00', '25:00'],
      }),
    ).toEqual([
      {
        field: 'businessHours.tues',
        reason: 'is not a day (use mon, tue, wed, thu, fri, sat, sun)',
      },
      { field: 'businessHours.mon[0]', reason: '"9:00" is not a time of day (HH:MM, 00:00–24:00)' },
      {
        field: 'businessHours.tue',
        reason: 'opens at 20:00 but closes at 09:00; the close must be later',
      },
      { field: 'businessHours.wed', reason: 'must be null or ["HH:MM", "HH:MM"], got an array' },
      {
        field: 'businessHours.thu',
        reason: 'opens at 24:00 but closes at 24:00; the close must be later',
      },
      { field: 'businessHours.fri', reason: 'must be null or ["HH:MM", "HH:MM"], got a string' },
      {
        field: 'businessHours.sat[1]',
        reason: '"25:00" is not a time of day (HH:MM, 00:00–24:00)',
      },
    ]);
    expect(hoursErrors(['09:00', '17:00'])).toEqual([
      {
        field: 'businessHours',
        reason: 'must be an object with the days mon, tue, wed, thu, fri, sat, sun, got an array',
      },
    ]);
  });
});
