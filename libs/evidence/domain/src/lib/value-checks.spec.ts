import { describe, expect, it } from 'vitest';
import { errorsOf, recordOf, withFields } from './example-bundle.fixture';
import type { LeadRecord } from './records';

describe('validateRecord field checks', () => {
  it('trims ids, accepts whole numbers as decimal strings and refuses the rest', () => {
    expect(recordOf(withFields('sale', { id: '  D-77 ', leadId: 4411, userId: -3 }))).toMatchObject(
      {
        id: 'D-77',
        leadId: '4411',
        userId: '-3',
      },
    );
    const errors = errorsOf(
      withFields('task', {
        id: '   ',
        storeId: 'x'.repeat(201),
        leadId: 1.5,
        assignedTo: 2 ** 53,
        completedBy: 'a\u0000b',
      }),
    );
    expect(errors).toEqual([
      { field: 'id', reason: 'is empty' },
      { field: 'storeId', reason: 'is 201 characters long; the limit is 200' },
      { field: 'leadId', reason: 'must be a string or a whole number below 2^53, got 1.5' },
      { field: 'assignedTo', reason: expect.stringContaining('whole number below 2^53') },
      { field: 'completedBy', reason: expect.stringContaining('contains control characters') },
    ]);
    expect(recordOf(withFields('store', { id: 'x'.repeat(200) })).id).toHaveLength(200);
    expect(errorsOf(withFields('note', { userId: { id: 'u' } }))).toEqual([
      { field: 'userId', reason: 'must be a string, got an object' },
    ]);
  });

  it('limits string lengths, naming the limit', () => {
    expect(errorsOf(withFields('user', { name: 'n'.repeat(501) }))).toEqual([
      { field: 'name', reason: 'is 501 characters long; the limit is 500' },
    ]);
    expect(errorsOf(withFields('lead', { comments: 'c'.repeat(100_001) }))[0]?.reason).toBe(
      'is 100001 characters long; the limit is 100000',
    );
    expect(errorsOf(withFields('activity', { subject: 's'.repeat(2_001) }))[0]?.field).toBe(
      'subject',
    );
    expect(errorsOf(withFields('activity', { transcript: 't'.repeat(100_001) }))[0]?.field).toBe(
      'transcript',
    );
    expect(errorsOf(withFields('note', { text: 't'.repeat(100_001) }))[0]?.field).toBe('text');
    expect(recordOf(withFields('lead', { comments: 'c'.repeat(100_000) }))).toBeTruthy();
    expect(errorsOf(withFields('store', { names: ['x', ' ', 'y'.repeat(501)] }))).toEqual([
      { field: 'names[1]', reason: 'is empty' },
      { field: 'names[2]', reason: 'is 501 characters long; the limit is 500' },
    ]);
  });

  it('keeps free text verbatim, trims labels, and treats empty optional text as absent', () => {
    const note = recordOf(withFields('note', { text: '  two spaces  ' })) as { text: string };
    expect(note.text).toBe('  two spaces  ');
    expect(errorsOf(withFields('note', { text: '   ' }))).toEqual([
      { field: 'text', reason: 'is empty' },
    ]);
    const lead = recordOf(withFields('lead', { source: ' cars.com ', comments: '' })) as LeadRecord;
    expect(lead).toMatchObject({ source: 'cars.com', comments: null });
  });

  it('checks durationSec: finite, 0 to 86,400, numeric strings accepted', () => {
    expect(recordOf(withFields('activity', { durationSec: '12.5' }))).toMatchObject({
      durationSec: 12.5,
    });
    expect(recordOf(withFields('activity', { durationSec: 86_400 }))).toMatchObject({
      durationSec: 86_400,
    });
    expect(errorsOf(withFields('activity', { durationSec: -1 }))).toEqual([
      { field: 'durationSec', reason: 'is -1; it must be between 0 and 86400' },
    ]);
    expect(errorsOf(withFields('activity', { durationSec: 86_401 }))[0]?.field).toBe('durationSec');
    expect(errorsOf(withFields('activity', { durationSec: Infinity }))[0]?.reason).toBe(
      'must be a finite number, got Infinity',
    );
    expect(errorsOf(withFields('activity', { durationSec: '12s' }))[0]?.reason).toBe(
      '"12s" is not a number',
    );
    expect(errorsOf(withFields('activity', { durationSec: true }))[0]?.reason).toBe(
      'must be a number, got a boolean',
    );
  });

  it('checks vehicle.year: a whole number 1900 to 2100, numeric strings accepted', () => {
    const year = (value: unknown) => withFields('lead', { vehicle: { year: value } });
    expect(recordOf(year('2024'))).toMatchObject({ vehicle: { year: 2024, make: null } });
    expect(errorsOf(year(2024.5))).toEqual([
      { field: 'vehicle.year', reason: 'must be a whole number, got 2024.5' },
    ]);
    expect(errorsOf(year(1899))[0]?.field).toBe('vehicle.year');
    expect(errorsOf(year('2101'))[0]?.reason).toBe('is 2101; it must be between 1900 and 2100');
    expect(errorsOf(withFields('lead', { vehicle: 'RAV4' }))).toEqual([
      { field: 'vehicle', reason: 'must be an object, got a string' },
    ]);
  });

  it('lower-cases and trims e-mails and reports bad ones with their index', () => {
    const lead = withFields('lead', {
      customer: { emails: [' Pat@Example.ORG ', 'pat', '@x', 7] },
    });
    expect(errorsOf(lead)).toEqual([
      { field: 'customer.emails[1]', reason: '"pat" is not an e-mail address (no @)' },
      { field: 'customer.emails[2]', reason: '"@x" is not an e-mail address' },
      { field: 'customer.emails[3]', reason: 'must be a string, got a number' },
    ]);
    const user = recordOf(withFields('user', { emails: [' Dana@SmithToyota.com'] }));
    expect(user).toMatchObject({ emails: ['dana@smithtoyota.com'] });
    expect(errorsOf(withFields('user', { emails: 'dana@x.com' }))).toEqual([
      { field: 'emails', reason: 'must be a list, got a string' },
    ]);
  });

  it('stores e-mail domains lower-cased without a leading @', () => {
    const store = recordOf(
      withFields('store', { emailDomains: ['@SmithToyota.com', 'smith.example '] }),
    );
    expect(store).toMatchObject({ emailDomains: ['smithtoyota.com', 'smith.example'] });
    expect(
      errorsOf(withFields('store', { emailDomains: ['a@b.com', '@'] })).map((e) => e.field),
    ).toEqual(['emailDomains[0]', 'emailDomains[1]']);
  });

  it('keeps phone numbers as given but requires at least 7 digits', () => {
    const lead = recordOf(withFields('lead', { customer: { phones: ['(312) 555-9876'] } }));
    expect(lead).toMatchObject({ customer: { phones: ['(312) 555-9876'] } });
    expect(errorsOf(withFields('user', { phoneNumbers: ['+1312555', '555-12'] }))).toEqual([
      { field: 'phoneNumbers[1]', reason: '"555-12" is not a phone number (fewer than 7 digits)' },
    ]);
  });

  it('limits list lengths to 1,000 items', () => {
    expect(errorsOf(withFields('user', { phoneNumbers: Array(1_001).fill('3125550100') }))).toEqual(
      [{ field: 'phoneNumbers', reason: 'has 1001 items; the limit is 1000' }],
    );
  });

  it('requires a valid IANA time zone for a store', () => {
    expect(recordOf(withFields('store', { timeZone: 'Europe/Berlin' }))).toMatchObject({
      timeZone: 'Europe/Berlin',
    });
    expect(errorsOf(withFields('store', { timeZone: 'Central Time' }))).toEqual([
      {
        field: 'timeZone',
        reason: '"Central Time" is not an IANA time zone (e.g. America/Chicago)',
      },
    ]);
    expect(errorsOf(withFields('store', { timeZone: -6 }))[0]?.field).toBe('timeZone');
  });
});
