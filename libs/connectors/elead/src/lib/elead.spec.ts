import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FakeFortellis, FORTELLIS_TOKEN_PATH } from '@candor/connectors-testing';
import type { PullPage } from '@candor/connectors-core';
import type { ActivityRecord, EvidenceRecord, TaskRecord } from '@candor/evidence-domain';
import { EleadConnector } from './elead.connector';
import { ELEAD_ACTIVITY_TYPES, eleadActivityMeaning } from './elead-activity-types';
import { parseEleadResponses } from './elead-offline';

const CTX = {
  storeId: 'smith-toyota',
  timeZone: 'America/Chicago',
  emailDomains: ['smithtoyota.com'],
  phoneNumbers: [],
};
const SAMPLE = JSON.parse(
  readFileSync(
    join(__dirname, '../../../../../test/fixtures/vendors/elead-opportunities.json'),
    'utf8',
  ),
) as {
  opportunities: { items: Record<string, unknown>[] };
  activities: Record<string, { items: Record<string, unknown>[] }>;
};
const byId = (records: EvidenceRecord[], id: string) => records.find((r) => r.id === id);

describe('Elead activity type table', () => {
  it('never lets auto-responses or notes count as contact', () => {
    for (const entry of ELEAD_ACTIVITY_TYPES) {
      const meaning = entry.meaning;
      if (entry.names.some((n) => /auto|note|comment/.test(n)))
        expect(meaning.kind).not.toBe('contact');
    }
    expect(eleadActivityMeaning(999, 'AUTO RESPONSE')).toEqual({
      kind: 'automated',
      channel: 'email',
    });
    expect(eleadActivityMeaning('9', null)).toEqual({ kind: 'note' });
    expect(eleadActivityMeaning(999, 'Carrier pigeon')).toBeNull();
  });
});

describe('parseEleadResponses (offline)', () => {
  const result = parseEleadResponses(JSON.stringify(SAMPLE), CTX);

  it('converts the sample without rejections', () => {
    expect(result.rejected).toEqual([]);
    expect(result.records.map((r) => r.type).sort()).toEqual(
      [
        'lead',
        'lead',
        'status',
        'sale',
        'activity',
        'task',
        'activity',
        'activity',
        'note',
        'appointment',
        'activity',
        'task',
      ].sort(),
    );
  });

  it('maps each activity type to the right evidence', () => {
    const r = result.records;
    expect(byId(r, 'ACT-1001')).toMatchObject({
      type: 'activity',
      channel: 'email',
      evidence: 'recorded',
      automated: true,
    });
    expect(byId(r, 'ACT-1002')).toMatchObject({
      type: 'task',
      taskType: 'call',
      completedBy: 'u-17',
      comment: 'sc',
    });
    expect(byId(r, 'ACT-1003')).toMatchObject({
      type: 'activity',
      channel: 'call',
      direction: 'outbound',
      evidence: 'claimed',
      comment: 'lm',
      userId: 'u-17',
    });
    expect(byId(r, 'ACT-1004')).toMatchObject({
      type: 'activity',
      channel: 'email',
      evidence: 'recorded',
      from: 'dana@smithtoyota.com',
      to: 'pat@example.org',
      subject: 'Your RAV4',
      automated: false,
    });
    expect(byId(r, 'ACT-1005')).toMatchObject({
      type: 'note',
      text: expect.stringContaining('softball'),
    });
    expect(byId(r, 'ACT-1006')).toMatchObject({ type: 'appointment', setBy: 'u-17' });
    expect((byId(r, 'ACT-2002') as TaskRecord).completedAt).toBeNull();
  });

  it('reads the opportunity as a lead with its sale', () => {
    expect(byId(result.records, '7c1e5a2b-0d4f-4f7e-9a51-2b8e6c3d4f01')).toMatchObject({
      type: 'lead',
      source: 'Cars.com',
      assignedTo: 'u-17',
      customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: ['+13125559876'] },
      vehicle: { year: 2024, make: 'Toyota', model: 'RAV4', status: 'new' },
    });
    expect(byId(result.records, '7c1e5a2b-0d4f-4f7e-9a51-2b8e6c3d4f01:status:sold')).toMatchObject({
      type: 'status',
      status: 'sold',
    });
  });

  it('reports unknown activity types instead of guessing', () => {
    const bad = parseEleadResponses(
      JSON.stringify({
        opportunityId: 'O1',
        items: [{ activityId: 'X1', activityType: 77, activityName: 'Fax' }],
      }),
      CTX,
    );
    expect(bad.records).toEqual([]);
    expect(bad.rejected).toEqual([
      {
        location: 'activity X1',
        field: 'activityType',
        reason: 'type 77 ("Fax") is not in the Elead activity table; it is not counted',
      },
    ]);
  });
});

describe('EleadConnector.pull against a fake Fortellis', () => {
  let fake: FakeFortellis;
  afterEach(() => fake.server.close());

  const opportunities = Array.from({ length: 5 }, (_, i) => ({
    ...SAMPLE.opportunities.items[1],
    id: `OPP-${i + 1}`,
    dateIn: `2026-03-0${i + 2}T15:00:00Z`,
    updatedDate: `2026-03-0${i + 2}T16:00:00Z`,
  }));
  const activities = Object.fromEntries(
    opportunities.map((o) => [
      o.id,
      [
        {
          activityId: `A-${o.id}`,
          opportunityId: o.id,
          activityType: 1,
          activityName: 'Outbound Call',
          completedDate: '2026-03-06T15:00:00Z',
          completedBy: { id: 'u-21' },
        },
      ],
    ]),
  );

  async function start(secret = 'secret', now = Date.parse('2026-03-10T00:00:00Z')) {
    fake = new FakeFortellis({
      clientId: 'cid',
      clientSecret: 'secret',
      subscriptionId: 'sub-1',
      opportunities,
      activities,
    });
    await fake.server.start();
    const waits: number[] = [];
    const connector = new EleadConnector({
      clientId: 'cid',
      clientSecret: secret,
      subscriptionId: 'sub-1',
      since: '2026-03-01T00:00:00Z',
      baseUrl: fake.server.url,
      tokenUrl: `${fake.server.url}${FORTELLIS_TOKEN_PATH}`,
      pageSize: 2,
      now: () => now,
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

  it('pages through opportunities with their activity histories', async () => {
    const { connector } = await start();
    const pages = await collect(connector.pull(null, CTX));
    expect(pages).toHaveLength(3);
    const records = pages.flatMap((p) => p.records);
    expect(records.filter((r) => r.type === 'lead')).toHaveLength(5);
    expect(
      records.filter((r) => r.type === 'activity').map((a) => (a as ActivityRecord).evidence),
    ).toEqual(Array(5).fill('claimed'));
    const search = fake.server.requests.find((r) => r.path.endsWith('/search'))!;
    expect(search.headers['subscription-id']).toBe('sub-1');
    expect(search.headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.issuer.issued).toBe(1);
    // Re-reading the archived raw gives the same records.
    expect(parseEleadResponses(pages.map((p) => p.raw).join('\n'), CTX).records).toHaveLength(
      records.length,
    );
  });

  it('resumes from a cursor, then switches to delta search from when the pass began', async () => {
    const { connector } = await start();
    const [first] = await collect(connector.pull(null, CTX), 1);
    const rest = await collect(connector.pull(first!.cursor, CTX));
    expect(
      rest
        .flatMap((p) => p.records)
        .filter((r) => r.type === 'lead')
        .map((r) => r.id),
    ).toEqual(['OPP-3', 'OPP-4', 'OPP-5']);
    const finished = rest[rest.length - 1]!.cursor;
    await collect(connector.pull(finished, CTX));
    const delta = fake.server.requests.filter((r) => r.path.endsWith('/searchDelta'));
    expect(delta[0]!.query.get('dateFrom')).toBe('2026-03-10T00:00:00.000Z');
  });

  it('retries 429 and 5xx, and renews a revoked token once', async () => {
    const { connector, waits } = await start();
    fake.server.failNext(
      { status: 429, retryAfter: '2', pathContains: '/search' },
      { status: 500, pathContains: '/history' },
    );
    const [page] = await collect(connector.pull(null, CTX), 1);
    expect(page!.records.filter((r) => r.type === 'lead')).toHaveLength(2);
    expect(waits[0]).toBe(2000);
    fake.issuer.revokeAll();
    await collect(connector.pull(page!.cursor, CTX), 1);
    expect(fake.issuer.issued).toBe(2);
  });

  it('explains refused client credentials', async () => {
    const { connector } = await start('wrong');
    await expect(collect(connector.pull(null, CTX))).rejects.toThrow(
      /token request refused \(HTTP 401\).*invalid_client/,
    );
  });
});

describe('parseEleadResponses under hostile input', () => {
  it('never throws on arbitrary JSON or text, and every issue says where and why', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc
        .record({
          opportunityId: fc.jsonValue(),
          items: fc.array(
            fc.dictionary(
              fc.constantFrom(
                'activityId',
                'activityType',
                'activityName',
                'completedDate',
                'dueDate',
                'createdDate',
                'message',
                'comments',
                'completedBy',
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
        const result = parseEleadResponses(text, CTX);
        for (const issue of result.rejected) {
          expect(issue.location).not.toBe('');
          expect(issue.reason).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
