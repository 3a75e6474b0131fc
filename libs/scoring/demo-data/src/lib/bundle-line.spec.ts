import type { EvidenceRecord } from '@candor/evidence-domain';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoWithOffset, toBundleLine } from './bundle-line';
import { zoneOffsets } from './zone-offset';

const CHICAGO = 'America/Chicago';
const at = (iso: string): number => Date.parse(iso);
const base = { line: 0, raw: null, storeId: 'smith-toyota', leadId: 'L-4411' };

/** The records behind interchange.md's example bundle. */
const EXAMPLE: [EvidenceRecord, string][] = [
  [
    {
      type: 'store',
      id: 'smith-toyota',
      line: 0,
      raw: null,
      name: 'Smith Toyota',
      names: ['Smith Toyota', 'Smith'],
      timeZone: CHICAGO,
      emailDomains: ['smithtoyota.com'],
      phoneNumbers: ['+13125550100', '+13125550101'],
      businessHours: {
        mon: ['09:00', '20:00'],
        tue: ['09:00', '20:00'],
        wed: ['09:00', '20:00'],
        thu: ['09:00', '20:00'],
        fri: ['09:00', '20:00'],
        sat: ['09:00', '18:00'],
        sun: null,
      },
    },
    '{"type":"store","id":"smith-toyota","name":"Smith Toyota","names":["Smith Toyota","Smith"],"timeZone":"America/Chicago","emailDomains":["smithtoyota.com"],"phoneNumbers":["+13125550100","+13125550101"],"businessHours":{"mon":["09:00","20:00"],"tue":["09:00","20:00"],"wed":["09:00","20:00"],"thu":["09:00","20:00"],"fri":["09:00","20:00"],"sat":["09:00","18:00"],"sun":null}}',
  ],
  [
    {
      type: 'lead',
      id: 'L-4411',
      line: 0,
      raw: null,
      storeId: 'smith-toyota',
      receivedAt: at('2026-03-02T09:14:00-06:00'),
      requestedAt: at('2026-03-02T09:13:12-06:00'),
      source: 'cars.com',
      kind: 'internet',
      assignedTo: 'u-17',
      customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: ['+13125559876'] },
      vehicle: { year: 2024, make: 'Toyota', model: 'RAV4', status: 'new' },
      comments: 'Is it available?',
    },
    '{"type":"lead","id":"L-4411","storeId":"smith-toyota","receivedAt":"2026-03-02T09:14:00-06:00","requestedAt":"2026-03-02T09:13:12-06:00","source":"cars.com","kind":"internet","assignedTo":"u-17","customer":{"name":"Pat Example","emails":["pat@example.org"],"phones":["+13125559876"]},"vehicle":{"year":2024,"make":"Toyota","model":"RAV4","status":"new"},"comments":"Is it available?"}',
  ],
  [
    {
      type: 'task',
      id: 'T-1',
      ...base,
      taskType: 'call',
      assignedTo: 'u-17',
      createdAt: at('2026-03-02T09:14:00-06:00'),
      dueAt: at('2026-03-02T09:29:00-06:00'),
      completedAt: at('2026-03-02T09:16:00-06:00'),
      completedBy: 'u-17',
      dismissedAt: null,
      comment: 'sc',
    },
    '{"type":"task","id":"T-1","storeId":"smith-toyota","leadId":"L-4411","taskType":"call","assignedTo":"u-17","createdAt":"2026-03-02T09:14:00-06:00","dueAt":"2026-03-02T09:29:00-06:00","completedAt":"2026-03-02T09:16:00-06:00","completedBy":"u-17","comment":"sc"}',
  ],
  [
    {
      type: 'activity',
      id: 'C-88',
      ...base,
      channel: 'call',
      direction: 'outbound',
      evidence: 'recorded',
      at: at('2026-03-02T09:55:10-06:00'),
      userId: 'u-17',
      from: '+13125550100',
      to: '+13125559876',
      durationSec: 12,
      answeredBy: 'machine',
      outcome: 'voicemail',
      transcript: 'Hi Pat, this is Dana at Smith Toyota, call me at 312 555 0100',
      subject: null,
      automated: false,
      comment: null,
    },
    '{"type":"activity","id":"C-88","storeId":"smith-toyota","leadId":"L-4411","channel":"call","direction":"outbound","evidence":"recorded","at":"2026-03-02T09:55:10-06:00","userId":"u-17","from":"+13125550100","to":"+13125559876","durationSec":12,"answeredBy":"machine","outcome":"voicemail","transcript":"Hi Pat, this is Dana at Smith Toyota, call me at 312 555 0100","automated":false}',
  ],
  [
    {
      type: 'appointment',
      id: 'A-2',
      ...base,
      setAt: at('2026-03-03T11:05:00-06:00'),
      setBy: 'u-17',
      startsAt: at('2026-03-05T17:30:00-06:00'),
      confirmedAt: at('2026-03-05T10:00:00-06:00'),
      shownAt: at('2026-03-05T17:41:00-06:00'),
      cancelledAt: null,
    },
    '{"type":"appointment","id":"A-2","storeId":"smith-toyota","leadId":"L-4411","setAt":"2026-03-03T11:05:00-06:00","setBy":"u-17","startsAt":"2026-03-05T17:30:00-06:00","confirmedAt":"2026-03-05T10:00:00-06:00","shownAt":"2026-03-05T17:41:00-06:00"}',
  ],
  [
    {
      type: 'status',
      id: 'S-9',
      ...base,
      at: at('2026-03-05T19:20:00-06:00'),
      status: 'sold',
      by: 'u-17',
      reason: null,
    },
    '{"type":"status","id":"S-9","storeId":"smith-toyota","leadId":"L-4411","at":"2026-03-05T19:20:00-06:00","status":"sold","by":"u-17"}',
  ],
];

describe('toBundleLine', () => {
  it("writes interchange.md's example records exactly as its example lines", () => {
    for (const [record, line] of EXAMPLE) expect(toBundleLine(record, CHICAGO)).toBe(line);
  });

  it('leaves out null customer and vehicle parts and keeps unknown fields after the known ones', () => {
    const [lead] = EXAMPLE[1] ?? [];
    if (lead?.type !== 'lead') throw new Error('example lead missing');
    const line = toBundleLine(
      {
        ...lead,
        requestedAt: null,
        customer: { name: null, emails: [], phones: ['+13125559876'] },
        vehicle: { year: null, make: 'Toyota', model: null, status: null },
        raw: { dmsId: 'X9', id: 'not-this' },
      },
      CHICAGO,
    );
    expect(line).toBe(
      '{"type":"lead","id":"L-4411","storeId":"smith-toyota","receivedAt":"2026-03-02T09:14:00-06:00","source":"cars.com","kind":"internet","assignedTo":"u-17","customer":{"emails":[],"phones":["+13125559876"]},"vehicle":{"make":"Toyota"},"comments":"Is it available?","dmsId":"X9"}',
    );
  });

  it('writes the offset the zone has at each instant, across DST changes', () => {
    const [status] = EXAMPLE[5] ?? [];
    if (status?.type !== 'status') throw new Error('example status missing');
    const summer = { ...status, at: at('2026-07-04T12:00:00Z') };
    expect(toBundleLine(summer, CHICAGO)).toContain('"at":"2026-07-04T07:00:00-05:00"');
    expect(toBundleLine(summer, 'America/Phoenix')).toContain('"at":"2026-07-04T05:00:00-07:00"');
    expect(toBundleLine(summer, 'Asia/Kolkata')).toContain('"at":"2026-07-04T17:30:00+05:30"');
  });

  it('refuses a zone that is not an IANA zone', () => {
    const [status] = EXAMPLE[5] ?? [];
    if (!status) throw new Error('example status missing');
    expect(() => toBundleLine(status, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('isoWithOffset', () => {
  it('agrees with Luxon for any instant of 2000–2100 in any zone, including half-hour zones and DST edges', () => {
    const zones = [
      CHICAGO,
      'America/New_York',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const expected = DateTime.fromMillis(ms, { zone }).toISO({
            suppressMilliseconds: true,
            includeOffset: true,
          });
          const written = isoWithOffset(ms, zoneOffsets(zone).minutesAt(ms));
          expect(written.replace(/\+00:00$/, 'Z')).toBe(expected);
          expect(Date.parse(written)).toBe(ms);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
