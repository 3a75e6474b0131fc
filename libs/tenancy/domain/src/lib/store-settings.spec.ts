import { describe, expect, it } from 'vitest';
import { CandorException } from '@candor/shared-errors';
import { newStoreSettings, normalizeStoreSettings } from './store-settings';

function fieldErrorsOf(fn: () => unknown): { field: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof CandorException) return [...e.fieldErrors];
    throw e;
  }
  throw new Error('expected a CandorException');
}

describe('newStoreSettings', () => {
  it('normalizes a store as the interchange format describes it', () => {
    const store = newStoreSettings({
      externalId: 'smith-toyota',
      name: ' Smith Toyota ',
      timeZone: 'America/Chicago',
      emailDomains: ['SmithToyota.com', 'smithtoyota.com'],
      phoneNumbers: ['(312) 555-0100'],
    });
    expect(store).toMatchObject({
      name: 'Smith Toyota',
      names: ['Smith Toyota'],
      emailDomains: ['smithtoyota.com'],
      phoneNumbers: ['+13125550100'],
    });
    expect(store.businessHours.sun).toBeNull();
  });

  it('reports every problem with the field it belongs to', () => {
    const errors = fieldErrorsOf(() =>
      newStoreSettings({
        externalId: 'smith toyota!',
        timeZone: 'Central Time',
        businessHours: { mon: ['20:00', '09:00'], funday: null },
        phoneNumbers: ['555'],
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'input.name', message: 'is required' },
        expect.objectContaining({ field: 'input.externalId' }),
        {
          field: 'input.timeZone',
          message: '"Central Time" is not an IANA time zone (e.g. America/Chicago)',
        },
        {
          field: 'input.businessHours.funday',
          message: 'unknown day (use mon, tue, wed, thu, fri, sat, sun)',
        },
        { field: 'input.businessHours.mon', message: 'opens at 20:00 but closes at 09:00' },
        { field: 'input.businessHours.tue', message: 'is missing (use null for a closed day)' },
        { field: 'input.phoneNumbers[0]', message: '"555" is not a phone number' },
      ]),
    );
  });
});

describe('normalizeStoreSettings', () => {
  it('returns only the fields that were given', () => {
    expect(normalizeStoreSettings({ name: 'Smith Toyota North' })).toEqual({
      name: 'Smith Toyota North',
    });
  });
});
