import fc from 'fast-check';
import { DateTime, FixedOffsetZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_LINES } from './example-bundle.fixture';
import { KNOWN_FIELDS, RECORD_FIELDS } from './record-fields';
import { serializeRecord } from './record-serializer';
import { validateRecord } from './record-validator';
import type { EvidenceRecord } from './records';
import { RECORD_TYPES } from './records';

function recordOf(value: unknown, line = 0): EvidenceRecord {
  const result = validateRecord(value, line);
  if (!result.ok)
    throw new Error(`invalid: ${JSON.stringify(result.errors)} in ${JSON.stringify(value)}`);
  return result.record;
}

// Bundle-format values, valid by construction but written the many ways a bundle may write them.
const id = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 30 })
    .filter((s) => s.trim().length > 0 && ![...s].some((c) => c < ' ' || c === '\u007f')),
  fc.integer({ min: -1e9, max: 1e12 }),
);
const label = fc.string({ maxLength: 40 }).filter((s) => s.trim().length > 0);
const freeText = fc.string({ unit: 'binary', maxLength: 200 });
// One day of margin: serializing in another zone must not move the written year out of range.
const instant = fc
  .tuple(
    fc.integer({ min: Date.UTC(2000, 0, 2), max: Date.UTC(2100, 11, 30) }),
    fc.integer({ min: -12 * 60, max: 14 * 60 }),
  )
  .map(([ms, offset]) =>
    DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offset) }).toISO()!,
  );
const email = fc.emailAddress().map((e) => (e.length % 2 ? e.toUpperCase() : ` ${e}`));
const phone = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 15 })
  .map((digits) => `+${digits.join('')}`);
const list = <T>(item: fc.Arbitrary<T>) => fc.option(fc.array(item, { maxLength: 3 }));
const opt = <T>(value: fc.Arbitrary<T>) => fc.option(value);
const choice = <T>(...values: T[]) => fc.constantFrom(...values);
const extraKey = fc
  .oneof(fc.string({ maxLength: 12 }), choice('__proto__', 'constructor', 'line', 'raw'))
  .filter((k) => !Object.values(RECORD_FIELDS).some((fields) => fields.includes(k)));
const extras = fc.dictionary(
  extraKey,
  fc.json().map((j): unknown => JSON.parse(j)),
  { maxKeys: 3 },
);
const hours = fc.constantFrom<unknown>(null, {
  mon: ['09:00', '20:00'],
  tue: null,
  wed: null,
  thu: null,
  fri: null,
  sat: ['00:00', '24:00'],
  sun: null,
});

const byType: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  store: fc.record({
    id,
    name: label,
    names: list(label),
    timeZone: choice('America/Chicago', 'UTC'),
    emailDomains: list(choice('@Smith.com', 'x.org')),
    phoneNumbers: list(phone),
    businessHours: hours,
  }),
  user: fc.record({
    id,
    storeId: id,
    name: label,
    role: opt(choice('bdc', 'sales', 'manager', 'other')),
    emails: list(email),
    phoneNumbers: list(phone),
  }),
  lead: fc.record(
    {
      id,
      storeId: id,
      receivedAt: instant,
      requestedAt: opt(instant),
      source: opt(label),
      kind: opt(choice('internet', 'phone', 'walk_in', 'other')),
      assignedTo: opt(id),
      customer: fc.record(
        { name: opt(label), emails: list(email), phones: list(phone), zip: fc.string() },
        { requiredKeys: [] },
      ),
      vehicle: opt(
        fc.record(
          {
            year: opt(fc.oneof(fc.integer({ min: 1900, max: 2100 }), choice('2024'))),
            make: opt(label),
            model: opt(label),
            status: opt(label),
            vin: fc.string(),
          },
          { requiredKeys: [] },
        ),
      ),
      comments: opt(freeText),
    },
    { requiredKeys: ['id', 'storeId', 'receivedAt', 'customer'] },
  ),
  task: fc.record(
    {
      id,
      storeId: id,
      leadId: id,
      taskType: choice('call', 'email', 'text', 'appointment', 'other'),
      assignedTo: opt(id),
      createdAt: opt(instant),
      dueAt: instant,
      completedAt: opt(instant),
      completedBy: opt(id),
      dismissedAt: opt(instant),
      comment: opt(freeText),
    },
    { requiredKeys: ['id', 'storeId', 'leadId', 'taskType', 'dueAt'] },
  ),
  activity: fc.record(
    {
      id,
      storeId: id,
      leadId: opt(id),
      channel: choice('call', 'email', 'text', 'visit', 'other'),
      direction: choice('outbound', 'inbound'),
      evidence: choice('recorded', 'claimed'),
      at: instant,
      userId: opt(id),
      from: opt(label),
      to: opt(label),
      durationSec: opt(fc.oneof(fc.double({ min: 0, max: 86_400, noNaN: true }), choice('42'))),
      answeredBy: opt(choice('human', 'machine', 'unknown')),
      outcome: opt(choice('connected', 'voicemail', 'bounced')),
      transcript: opt(freeText),
      subject: opt(freeText),
      automated: opt(fc.boolean()),
      comment: opt(freeText),
    },
    { requiredKeys: ['id', 'storeId', 'channel', 'direction', 'evidence', 'at'] },
  ),
  note: fc.record(
    { id, storeId: id, leadId: id, at: instant, userId: opt(id), text: label },
    { requiredKeys: ['id', 'storeId', 'leadId', 'at', 'text'] },
  ),
  appointment: fc.record(
    {
      id,
      storeId: id,
      leadId: id,
      setAt: instant,
      setBy: opt(id),
      startsAt: instant,
      confirmedAt: opt(instant),
      shownAt: opt(instant),
      cancelledAt: opt(instant),
    },
    { requiredKeys: ['id', 'storeId', 'leadId', 'setAt', 'startsAt'] },
  ),
  status: fc.record(
    {
      id,
      storeId: id,
      leadId: id,
      at: instant,
      status: choice('active', 'lost', 'bad', 'inactive', 'sold'),
      by: opt(id),
      reason: opt(freeText),
    },
    { requiredKeys: ['id', 'storeId', 'leadId', 'at', 'status'] },
  ),
  sale: fc.record(
    { id, storeId: id, leadId: id, soldAt: instant, userId: opt(id) },
    { requiredKeys: ['id', 'storeId', 'leadId', 'soldAt'] },
  ),
};

const bundleValue = fc
  .tuple(fc.constantFrom(...RECORD_TYPES), extras)
  .chain(([type, extra]) => byType[type]!.map((fields) => ({ ...extra, ...fields, type })));

describe('serializeRecord', () => {
  it('writes the interchange.md example back exactly as it was', () => {
    for (const line of EXAMPLE_LINES) {
      expect(serializeRecord(recordOf(JSON.parse(line)), 'America/Chicago')).toBe(line);
    }
  });

  it('writes instants in UTC by default and leaves absent optionals out', () => {
    const note = recordOf({
      type: 'note',
      id: 'N',
      storeId: 's',
      leadId: 'L',
      at: '2026-03-03T11:00:00.5-06:00',
      text: 'hi',
      userId: null,
    });
    expect(serializeRecord(note)).toBe(
      '{"type":"note","id":"N","storeId":"s","leadId":"L","at":"2026-03-03T17:00:00.500Z","text":"hi"}',
    );
  });

  it('writes raw fields back, nested ones inside customer and vehicle', () => {
    const line =
      '{"type":"lead","id":"L","storeId":"s","receivedAt":"2026-03-02T15:14:00Z","customer":{"zip":"60601"},' +
      '"vehicle":{"vin":"JT1"},"__proto__":{"x":1},"crm":{"stage":2}}';
    expect(serializeRecord(recordOf(JSON.parse(line)))).toBe(
      '{"type":"lead","id":"L","storeId":"s","receivedAt":"2026-03-02T15:14:00Z","kind":"internet",' +
        '"customer":{"zip":"60601"},"vehicle":{"vin":"JT1"},"__proto__":{"x":1},"crm":{"stage":2}}',
    );
  });

  it('refuses a time zone that is not an IANA zone', () => {
    expect(() => serializeRecord(recordOf(JSON.parse(EXAMPLE_LINES[9]!)), 'Central')).toThrow(
      RangeError,
    );
  });

  it('round-trips every valid record through a bundle line, in any zone', () => {
    fc.assert(
      fc.property(
        bundleValue,
        fc.constantFrom(
          'UTC',
          'America/Chicago',
          'Asia/Kathmandu',
          'Pacific/Chatham',
          'America/St_Johns',
        ),
        fc.nat(),
        (value, zone, line) => {
          const record = recordOf(value, line);
          const text = serializeRecord(record, zone);
          expect(text).not.toContain('\n');
          const again = recordOf(JSON.parse(text), line);
          expect(again).toEqual(record);
          expect(serializeRecord(again, zone)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('knows exactly the fields each validated record has (the field table is in sync)', () => {
    for (const line of EXAMPLE_LINES) {
      const record = recordOf(JSON.parse(line));
      const keys = Object.keys(record).filter((k) => k !== 'line' && k !== 'raw');
      expect(new Set(keys)).toEqual(KNOWN_FIELDS[record.type]);
      expect(RECORD_FIELDS[record.type]).toHaveLength(keys.length);
    }
  });
});
