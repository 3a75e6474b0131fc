import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeTwilio, type FakeVendorServer } from '@candor/connectors-testing';
import type { ActivityRecord } from '@candor/evidence-domain';
import type { PullPage } from '@candor/connectors-core';
import { TwilioCallsConnector } from './twilio-calls.connector';
import { parseTwilioCalls } from './twilio-offline';
import { parseStatusCallback, signTwilioRequest, verifyTwilioSignature } from './twilio-signature';

const CTX = {
  storeId: 'smith-toyota',
  timeZone: 'America/Chicago',
  emailDomains: [],
  phoneNumbers: ['+13125550100', '+13125550101'],
};
const SID = 'AC0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const TOKEN = 'test-auth-token';

const call = (n: number, extra: Record<string, unknown> = {}) => ({
  sid: `CA${String(n).padStart(32, '0')}`,
  from: '+13125550100',
  to: `+1312555${String(2000 + n)}`,
  direction: 'outbound-api',
  status: 'completed',
  start_time: `Mon, 02 Mar 2026 ${String(10 + (n % 10)).padStart(2, '0')}:00:00 +0000`,
  duration: '30',
  answered_by: 'human',
  parent_call_sid: null,
  ...extra,
});

const servers: FakeVendorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(
  calls = [
    call(1),
    call(2),
    call(3),
    call(4),
    call(5, { from: '+13125559999', to: '+13125550101', direction: 'inbound' }),
  ],
) {
  const server = await fakeTwilio({
    accountSid: SID,
    authToken: TOKEN,
    calls,
    recordings: { [call(1).sid]: [{ sid: 'RE1', call_sid: call(1).sid }] },
    transcriptions: {
      RE1: [
        {
          sid: 'TR1',
          recording_sid: 'RE1',
          transcription_text: 'Hi, this is Dana at Smith Toyota',
        },
      ],
    },
  }).start();
  servers.push(server);
  const waits: number[] = [];
  const connector = (token = TOKEN) =>
    new TwilioCallsConnector({
      accountSid: SID,
      authToken: token,
      since: '2026-03-01',
      now: () => Date.parse('2026-03-09T12:00:00Z'),
      baseUrl: server.url,
      pageSize: 2,
      http: {
        sleep: (ms) => (waits.push(ms), Promise.resolve()),
        retry: { maxAttempts: 3, baseDelayMs: 10 },
      },
    });
  return { server, connector, waits };
}

async function collect(iterable: AsyncIterable<PullPage>, limit = Infinity): Promise<PullPage[]> {
  const pages: PullPage[] = [];
  for await (const page of iterable) {
    pages.push(page);
    if (pages.length >= limit) break;
  }
  return pages;
}

describe('TwilioCallsConnector.pull', () => {
  it('pages through calls to and from every store number, with transcripts', async () => {
    const { connector } = await setup();
    const pages = await collect(connector().pull(null, CTX));
    const calls = pages.flatMap((p) => p.records) as ActivityRecord[];
    // From +…0100: 4 calls on 2 pages; To +…0101: 1 call; the other two queries are empty.
    expect(pages.map((p) => p.records.length)).toEqual([0, 2, 2, 1, 0]);
    expect(calls.map((c) => c.id).sort()).toEqual([1, 2, 3, 4, 5].map((n) => call(n).sid).sort());
    const first = calls.find((c) => c.id === call(1).sid)!;
    expect(first).toMatchObject({
      direction: 'outbound',
      evidence: 'recorded',
      outcome: 'connected',
      answeredBy: 'human',
      durationSec: 30,
      transcript: 'Hi, this is Dana at Smith Toyota',
    });
    expect(calls.find((c) => c.id === call(5).sid)).toMatchObject({
      direction: 'inbound',
      from: '+13125559999',
    });
    expect(pages.every((p) => p.rejected.length === 0)).toBe(true);
    expect(pages[1]!.raw).toContain('"calls"');
    expect(pages[1]!.raw).toContain('transcription_text');
  });

  it('resumes from a saved cursor with only the later pages', async () => {
    const { connector, server } = await setup();
    const [, second] = await collect(connector().pull(null, CTX), 2);
    const before = server.requests.length;
    const rest = await collect(connector().pull(second!.cursor, CTX));
    expect(rest.flatMap((p) => p.records).map((r) => r.id)).toEqual([
      call(3).sid,
      call(4).sid,
      call(5).sid,
    ]);
    expect(server.requests.slice(before)[0]!.query.get('Page')).toBe('1');
  });

  it('starts the next pass on the day the finished one began', async () => {
    const { connector, server } = await setup();
    const pages = await collect(connector().pull(null, CTX));
    const before = server.requests.length;
    await collect(connector().pull(pages[pages.length - 1]!.cursor, CTX), 1);
    expect(server.requests[before]!.query.get('StartTime>=')).toBe('2026-03-09');
    expect(server.requests[0]!.query.get('StartTime>=')).toBe('2026-03-01');
  });

  it('retries 429 (Retry-After) and 5xx, then continues', async () => {
    const { connector, server, waits } = await setup();
    server.failNext(
      { status: 429, retryAfter: '3', pathContains: 'Calls.json' },
      { status: 502, pathContains: 'Calls.json' },
    );
    const pages = await collect(connector().pull(null, CTX));
    expect(pages.flatMap((p) => p.records)).toHaveLength(5);
    expect(waits[0]).toBe(3000);
    expect(waits).toHaveLength(2);
  });

  it('surfaces refused credentials with Twilio’s error', async () => {
    const { connector } = await setup();
    await expect(collect(connector('wrong').pull(null, CTX))).rejects.toThrow(
      /HTTP 401: .*Authenticate/,
    );
  });

  it('reports calls that have not ended instead of recording them', async () => {
    const { connector } = await setup([call(1, { status: 'in-progress' })]);
    const pages = await collect(connector().pull(null, CTX));
    expect(pages.flatMap((p) => p.records)).toEqual([]);
    expect(pages.flatMap((p) => p.rejected)).toEqual([
      expect.objectContaining({ location: `call ${call(1).sid}`, field: 'status' }),
    ]);
  });
});

describe('parseTwilioCalls (offline)', () => {
  it('converts a saved Calls page', () => {
    const text = readFileSync(
      join(__dirname, '../../../../../test/fixtures/vendors/twilio-calls-page.json'),
      'utf8',
    );
    const result = parseTwilioCalls(text, CTX);
    expect(result.rejected).toEqual([]);
    expect(
      (result.records as ActivityRecord[]).map((c) => [
        c.direction,
        c.outcome,
        c.answeredBy,
        c.durationSec,
      ]),
    ).toEqual([
      ['outbound', 'voicemail', 'machine', 12],
      ['inbound', 'connected', null, 275],
      ['outbound', 'no_answer', null, 0],
    ]);
    expect(result.records[0]).toMatchObject({ at: Date.parse('2026-03-02T15:55:10Z') });
  });

  it('reads back what pull archived, transcripts included', async () => {
    const { connector } = await setup();
    const pages = await collect(connector().pull(null, CTX));
    const result = parseTwilioCalls(pages.map((p) => p.raw).join('\n'), CTX);
    expect(result.records).toHaveLength(5);
    expect(result.records.find((r) => r.id === call(1).sid)).toMatchObject({
      transcript: 'Hi, this is Dana at Smith Toyota',
    });
  });

  it('names bad lines and bad calls', () => {
    const result = parseTwilioCalls(
      '{"calls":[{"sid":"CA1","status":"completed","start_time":"Mon, 32 Mar 2026 10:00:00 +0000","from":"+1","to":"+13125550100"}]}\nnot json\n',
      CTX,
    );
    expect(result.rejected.map((r) => r.location)).toEqual(['line 2', 'call CA1']);
  });
});

describe('Twilio status callbacks', () => {
  const url = 'https://candor.example/hooks/twilio/voice-status?store=smith';
  const params = {
    CallSid: 'CA9',
    AccountSid: SID,
    From: '+13125559876',
    To: '+13125550100',
    Direction: 'inbound',
    CallStatus: 'completed',
    CallDuration: '42',
    Timestamp: 'Mon, 02 Mar 2026 16:00:42 +0000',
  };

  it('accepts the signature Twilio computes and refuses tampering', () => {
    const expected = createHmac('sha1', TOKEN)
      .update(
        url +
          Object.keys(params)
            .sort()
            .map((k) => k + params[k as keyof typeof params])
            .join(''),
      )
      .digest('base64');
    expect(signTwilioRequest(url, params, TOKEN)).toBe(expected);
    expect(verifyTwilioSignature(url, params, expected, TOKEN)).toBe(true);
    expect(verifyTwilioSignature(url, { ...params, CallDuration: '4200' }, expected, TOKEN)).toBe(
      false,
    );
    expect(verifyTwilioSignature(`${url}&x=1`, params, expected, TOKEN)).toBe(false);
    expect(verifyTwilioSignature(url, params, expected, 'other-token')).toBe(false);
    expect(verifyTwilioSignature(url, params, 'short', TOKEN)).toBe(false);
  });

  it('turns a completed callback into the call, started CallDuration before the event', () => {
    const [record] = parseStatusCallback(params, CTX).records as ActivityRecord[];
    expect(record).toMatchObject({
      id: 'CA9',
      direction: 'inbound',
      durationSec: 42,
      outcome: 'connected',
      evidence: 'recorded',
    });
    expect(record!.at).toBe(Date.parse('2026-03-02T16:00:00Z'));
    expect(parseStatusCallback({ ...params, CallStatus: 'ringing' }, CTX)).toEqual({
      records: [],
      rejected: [],
    });
  });
});

describe('parseTwilioCalls under hostile input', () => {
  it('never throws on arbitrary JSON or text, and every issue says where and why', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc
        .record({
          calls: fc.array(
            fc.dictionary(
              fc.constantFrom(
                'sid',
                'from',
                'to',
                'status',
                'start_time',
                'duration',
                'answered_by',
                'direction',
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
        const result = parseTwilioCalls(text, CTX);
        for (const issue of result.rejected) {
          expect(issue.location).not.toBe('');
          expect(issue.reason).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
