import { describe, expect, it } from 'vitest';
import { EXAMPLE_LINES, errorsOf, exampleOf, recordOf, withFields } from './example-bundle.fixture';
import { validateRecord } from './record-validator';
import type { RecordType } from './records';

describe('validateRecord', () => {
  it.each(EXAMPLE_LINES.map((line, i) => [i + 1, line]))(
    'accepts line %i of the interchange.md example',
    (n, line) => {
      const result = validateRecord(JSON.parse(String(line)), Number(n));
      expect(result).toMatchObject({ ok: true, record: { line: n, raw: null } });
    },
  );

  it('builds every record with its keys in jsonb order, so PostgreSQL has nothing to sort', () => {
    // jsonb orders an object's keys by length, then bytewise; JSON.stringify follows insertion.
    const jsonbOrder = (keys: string[]) =>
      [...keys].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const line of EXAMPLE_LINES) {
      const record = recordOf(JSON.parse(line)) as unknown as Record<string, unknown>;
      const objects = [record, record['customer'], record['vehicle']].filter(
        (o): o is Record<string, unknown> => typeof o === 'object' && o !== null,
      );
      for (const o of objects) expect(Object.keys(o)).toEqual(jsonbOrder(Object.keys(o)));
    }
  });

  it('normalizes the example lead: instants to epoch ms, absent optionals to null', () => {
    expect(recordOf(exampleOf('lead'))).toEqual({
      type: 'lead',
      id: 'L-4411',
      line: 7,
      raw: null,
      storeId: 'smith-toyota',
      receivedAt: Date.UTC(2026, 2, 2, 15, 14),
      requestedAt: Date.UTC(2026, 2, 2, 15, 13, 12),
      source: 'cars.com',
      kind: 'internet',
      assignedTo: 'u-17',
      customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: ['+13125559876'] },
      vehicle: { year: 2024, make: 'Toyota', model: 'RAV4', status: 'new' },
      comments: 'Is it available?',
    });
  });

  it('rejects anything that is not a JSON object as (record)', () => {
    for (const value of [null, [], [1], 42, 'x', true, undefined]) {
      expect(errorsOf(value)).toEqual([{ field: '(record)', reason: expect.any(String) }]);
    }
    expect(errorsOf([])[0]?.reason).toBe('must be a JSON object, got an array');
  });

  it('requires a known type', () => {
    expect(errorsOf({ id: 'x' })).toEqual([
      { field: 'type', reason: expect.stringMatching(/^is required/) },
    ]);
    expect(errorsOf({ type: 'Lead' })).toEqual([
      {
        field: 'type',
        reason: expect.stringMatching(/^"Lead" is not a record type \(one of store/),
      },
    ]);
    expect(errorsOf({ type: 3 })[0]?.field).toBe('type');
    expect(errorsOf({ type: 'toString' })[0]?.field).toBe('type');
  });

  const required: [RecordType, string[]][] = [
    ['store', ['id', 'name', 'timeZone']],
    ['user', ['id', 'storeId', 'name']],
    ['lead', ['id', 'storeId', 'receivedAt', 'customer']],
    ['task', ['id', 'storeId', 'leadId', 'taskType', 'dueAt']],
    ['activity', ['id', 'storeId', 'channel', 'direction', 'evidence', 'at']],
    ['note', ['id', 'storeId', 'leadId', 'at', 'text']],
    ['appointment', ['id', 'storeId', 'leadId', 'setAt', 'startsAt']],
    ['status', ['id', 'storeId', 'leadId', 'at', 'status']],
    ['sale', ['id', 'storeId', 'leadId', 'soldAt']],
  ];
  it.each(required)('requires the bold fields of a %s, missing or null', (type, fields) => {
    for (const field of fields) {
      const missing = exampleOf(type);
      delete missing[field];
      expect(errorsOf(missing), `${type}.${field} missing`).toEqual([
        { field, reason: 'is required' },
      ]);
      expect(errorsOf(withFields(type, { [field]: null }))).toEqual([
        { field, reason: 'is required' },
      ]);
    }
  });

  it('accepts each record type with only its required fields, defaulting the rest', () => {
    const lead = recordOf({
      type: 'lead',
      id: 'L',
      storeId: 's',
      receivedAt: '2026-03-02T09:14:00Z',
      customer: {},
    });
    expect(lead).toMatchObject({
      requestedAt: null,
      source: null,
      kind: 'internet',
      assignedTo: null,
      customer: { name: null, emails: [], phones: [] },
      vehicle: null,
      comments: null,
      raw: null,
    });
    const activity = recordOf({
      type: 'activity',
      id: 'A',
      storeId: 's',
      channel: 'text',
      direction: 'inbound',
      evidence: 'claimed',
      at: '2026-03-02T09:14:00Z',
      automated: null,
    });
    expect(activity).toMatchObject({
      automated: false,
      leadId: null,
      durationSec: null,
      comment: null,
    });
    const store = recordOf({ type: 'store', id: 's', name: 'S', timeZone: 'UTC' });
    expect(store).toMatchObject({
      names: [],
      emailDomains: [],
      phoneNumbers: [],
      businessHours: null,
    });
    expect(recordOf({ ...exampleOf('user'), role: null, emails: null })).toMatchObject({
      role: null,
      emails: [],
    });
  });

  it('matches enums exactly as listed', () => {
    expect(errorsOf(withFields('status', { status: 'Sold' }))).toEqual([
      { field: 'status', reason: '"Sold" is not one of active, lost, bad, inactive, sold' },
    ]);
    expect(errorsOf(withFields('lead', { kind: 'walk-in' }))[0]?.field).toBe('kind');
    expect(errorsOf(withFields('user', { role: 'BDC' }))[0]?.field).toBe('role');
    expect(errorsOf(withFields('task', { taskType: 'meeting' }))[0]?.field).toBe('taskType');
    const activity = errorsOf(
      withFields('activity', {
        channel: 'sms',
        direction: 'out',
        evidence: 'maybe',
        answeredBy: 'bot',
        outcome: 'ok',
      }),
    );
    expect(activity.map((e) => e.field)).toEqual([
      'channel',
      'direction',
      'evidence',
      'answeredBy',
      'outcome',
    ]);
    expect(errorsOf(withFields('activity', { channel: 1 }))[0]?.reason).toBe(
      'must be one of call, email, text, visit, other, got a number',
    );
  });

  it('keeps unknown fields in raw, including nested customer and vehicle fields', () => {
    const lead = recordOf(
      withFields('lead', {
        crmStage: 'new',
        line: 99,
        customer: { name: 'Pat', zip: '60601' },
        vehicle: { make: 'Toyota', vin: 'JT123' },
      }),
    );
    expect(lead.raw).toEqual({
      crmStage: 'new',
      line: 99,
      customer: { zip: '60601' },
      vehicle: { vin: 'JT123' },
    });
    expect(lead.line).toBe(7);
    expect(recordOf(exampleOf('sale')).raw).toBeNull();
  });

  it('collects every error of a record, not just the first', () => {
    const errors = errorsOf({
      type: 'lead',
      id: '',
      receivedAt: '2026-03-02T09:14:00',
      kind: 'fax',
      customer: { emails: ['nope'], phones: ['12'] },
      vehicle: { year: 1800 },
    });
    expect(errors.map((e) => e.field).sort()).toEqual(
      [
        'customer.emails[0]',
        'customer.phones[0]',
        'id',
        'kind',
        'receivedAt',
        'storeId',
        'vehicle.year',
      ].sort(),
    );
  });

  it('reads own fields only, so inherited properties are not taken for fields', () => {
    const inherited = Object.create({ id: 'x', storeId: 's' }) as Record<string, unknown>;
    Object.assign(inherited, { type: 'sale', leadId: 'L', soldAt: '2026-03-05T19:20:00Z' });
    expect(errorsOf(inherited).map((e) => e.field)).toEqual(['id', 'storeId']);
  });
});
