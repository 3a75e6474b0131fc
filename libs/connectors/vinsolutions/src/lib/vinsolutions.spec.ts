import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeVinSolutions, VIN_TOKEN_PATH } from '@candor/connectors-testing';
import type { PullPage } from '@candor/connectors-core';
import type { ActivityRecord, AppointmentRecord } from '@candor/evidence-domain';
import { VinSolutionsConnector } from './vinsolutions.connector';
import { parseVinSolutionsFeeds } from './vinsolutions-offline';

const CTX = {
  storeId: 'smith-toyota',
  timeZone: 'America/Chicago',
  emailDomains: [],
  phoneNumbers: [],
};
const SAMPLE = readFileSync(
  join(__dirname, '../../../../../test/fixtures/vendors/vinsolutions-feeds.jsonl'),
  'utf8',
);

describe('parseVinSolutionsFeeds (offline)', () => {
  it('converts lead, task, appointment and showroom-visit feeds', () => {
    const result = parseVinSolutionsFeeds(SAMPLE, CTX);
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => `${r.type}:${r.id}`)).toEqual([
      'lead:VS-50211',
      'lead:VS-50212',
      'status:VS-50212:status:lost',
      'task:VT-1',
      'task:VT-2',
      'appointment:VA-9',
      'activity:VV-3',
    ]);
    const visit = result.records.find((r) => r.id === 'VV-3') as ActivityRecord;
    expect(visit).toMatchObject({
      channel: 'visit',
      direction: 'inbound',
      evidence: 'claimed',
      leadId: 'VS-50212',
      userId: 'u-21',
    });
    expect((result.records.find((r) => r.id === 'VA-9') as AppointmentRecord).shownAt).toBe(
      Date.parse('2026-03-05T23:41:00Z'),
    );
    expect(result.records[0]).toMatchObject({
      source: 'TrueCar',
      customer: { name: 'Pat Example', phones: ['+13125559876'] },
    });
    expect(result.records[1]).toMatchObject({ kind: 'walk_in' });
  });

  it('names the item and field at fault', () => {
    const result = parseVinSolutionsFeeds(
      '{"Items":[{"TaskId":"T9","LeadId":"L1","DueUtc":"2026-02-31T10:00:00Z"},{"Foo":1}]}',
      CTX,
    );
    expect(result.rejected).toEqual([
      {
        location: 'document, item 2',
        field: null,
        reason: 'is not a lead, task, appointment or showroom visit',
      },
      { location: 'task T9', field: 'DueUtc', reason: expect.stringContaining('2026-02-31') },
      { location: 'task T9', field: 'DueUtc', reason: 'is required' },
    ]);
  });
});

describe('VinSolutionsConnector.pull against a fake VinSolutions', () => {
  let fake: FakeVinSolutions;
  afterEach(() => fake.server.close());

  const leads = Array.from({ length: 3 }, (_, i) => ({
    LeadId: `L${i + 1}`,
    LeadSource: 'Web',
    CreatedUtc: `2026-03-0${i + 2}T15:00:00Z`,
    LastModifiedUtc: `2026-03-0${i + 2}T15:00:00Z`,
    Customer: { FirstName: 'A', LastName: `B${i}`, Emails: [], Phones: [] },
  }));
  const tasks = [
    {
      TaskId: 'T1',
      LeadId: 'L1',
      TaskType: 'Call',
      DueUtc: '2026-03-02T15:15:00Z',
      LastModifiedUtc: '2026-03-02T15:00:00Z',
    },
  ];
  const showroomvisits = [
    {
      VisitId: 'V1',
      LeadId: 'L2',
      VisitStartUtc: '2026-03-04T18:00:00Z',
      LastModifiedUtc: '2026-03-04T18:00:00Z',
    },
  ];

  async function start(apiKey = 'key-1') {
    fake = new FakeVinSolutions({
      clientId: 'vin-id',
      clientSecret: 'vin-secret',
      apiKey: 'key-1',
      dealerId: 'D77',
      feeds: { leads, tasks, showroomvisits },
    });
    await fake.server.start();
    const waits: number[] = [];
    const connector = new VinSolutionsConnector({
      clientId: 'vin-id',
      clientSecret: 'vin-secret',
      apiKey,
      dealerId: 'D77',
      since: '2026-03-01T00:00:00Z',
      baseUrl: fake.server.url,
      tokenUrl: `${fake.server.url}${VIN_TOKEN_PATH}`,
      pageSize: 2,
      now: () => Date.parse('2026-03-10T00:00:00Z'),
      http: {
        sleep: (ms) => (waits.push(ms), Promise.resolve()),
        retry: { maxAttempts: 3, baseDelayMs: 10 },
      },
    });
    return { connector, waits };
  }

  async function collect(it: AsyncIterable<PullPage>, limit = Infinity) {
    const pages: PullPage[] = [];
    for await (const p of it) {
      pages.push(p);
      if (pages.length >= limit) break;
    }
    return pages;
  }

  it('reads all four feeds page by page over the window', async () => {
    const { connector } = await start();
    const pages = await collect(connector.pull(null, CTX));
    // leads: 2 pages of 2; tasks, appointments, showroom visits: one page each.
    expect(pages.map((p) => p.records.length)).toEqual([2, 1, 1, 0, 1]);
    const first = fake.server.requests.find((r) => r.path.endsWith('/leads'))!;
    expect(first.headers['api_key']).toBe('key-1');
    expect(first.query.get('modifiedSince')).toBe('2026-03-01T00:00:00Z');
    expect(first.query.get('modifiedUntil')).toBe('2026-03-10T00:00:00.000Z');
    expect(parseVinSolutionsFeeds(pages.map((p) => p.raw).join('\n'), CTX).records).toHaveLength(5);
  });

  it('resumes from a cursor; a finished pass starts the next window where it ended', async () => {
    const { connector } = await start();
    const [first] = await collect(connector.pull(null, CTX), 1);
    const rest = await collect(connector.pull(first!.cursor, CTX));
    expect(rest.flatMap((p) => p.records).map((r) => r.id)).toEqual(['L3', 'T1', 'V1']);
    const next = await collect(connector.pull(rest[rest.length - 1]!.cursor, CTX), 1);
    expect(next[0]!.records).toEqual([]);
    const last = fake.server.requests[fake.server.requests.length - 1]!;
    expect(last.query.get('modifiedSince')).toBe('2026-03-10T00:00:00.000Z');
  });

  it('retries 429 and 5xx', async () => {
    const { connector, waits } = await start();
    fake.server.failNext(
      { status: 503, retryAfter: '4', pathContains: '/feeds/' },
      { status: 429, retryAfter: '1', pathContains: '/feeds/' },
    );
    const pages = await collect(connector.pull(null, CTX));
    expect(pages.flatMap((p) => p.records)).toHaveLength(5);
    expect(waits).toEqual([4000, 1000]);
  });

  it('surfaces a wrong api_key with the vendor message', async () => {
    const { connector } = await start('wrong-key');
    await expect(collect(connector.pull(null, CTX))).rejects.toThrow(
      /HTTP 401: .*Invalid or missing api_key/,
    );
  });
});

describe('parseVinSolutionsFeeds under hostile input', () => {
  it('never throws on arbitrary JSON or text, and every issue says where and why', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc
        .record({
          Items: fc.array(
            fc.dictionary(
              fc.constantFrom(
                'LeadId',
                'TaskId',
                'VisitId',
                'AppointmentId',
                'CreatedUtc',
                'DueUtc',
                'StartUtc',
                'Customer',
                'Vehicle',
                'LeadStatus',
              ),
              fc.jsonValue(),
            ),
            { maxLength: 5 },
          ),
        })
        .map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(input, (text) => {
        const result = parseVinSolutionsFeeds(text, CTX);
        for (const issue of result.rejected) {
          expect(issue.location).not.toBe('');
          expect(issue.reason).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
