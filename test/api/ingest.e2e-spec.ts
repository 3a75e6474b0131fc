import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectorRepository,
  IngestTokenRepository,
  SecretBox,
} from '@candor/connectors-data-access';
import { signTwilioRequest } from '@candor/connectors-twilio';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { REPO_ROOT, type RunningApi, startApi } from '../support/api-process';

const ADF = readFileSync(join(REPO_ROOT, 'test/fixtures/vendors/adf-lead.xml'));
const XXE = `<?xml version="1.0"?>
<!DOCTYPE adf [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<adf><prospect><requestdate>2026-03-02T09:13:12-06:00</requestdate>
<customer><contact><name part="full">&xxe;</name><email>a@b.org</email></contact></customer>
</prospect></adf>`;

interface Answer {
  accepted: number;
  updated: number;
  duplicate: number;
  rejected: number;
  problems: { field: string; reason: string }[];
}

describe('pushed evidence: ADF leads and Twilio callbacks on a store ingest token', () => {
  const secretsKey = randomBytes(32).toString('base64');
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let token: string;

  const count = (tenant: TestTenant, sql: string) =>
    runInTenant(ds, tenant, async (tx) => {
      const [row] = await tx.query<{ n: number }>(sql);
      return row!.n;
    });

  beforeAll(async () => {
    api = await startApi({ CANDOR_SECRETS_KEY: secretsKey });
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
    token = (
      await runInTenant(ds, a, (tx) => new IngestTokenRepository().issue(tx, a.storeIds[0]!))
    ).token;
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('turns an ADF document POSTed to the store endpoint into a lead, once', async () => {
    const first = await request(api.url)
      .post(`/ingest/${token}/adf`)
      .set('content-type', 'application/xml')
      .send(ADF)
      .expect(200);
    // Three prospects, one of them a resend of the same id@source: two leads.
    expect(first.body).toMatchObject({ accepted: 2, duplicate: 0, rejected: 0 });
    const leads = await runInTenant(ds, a, (tx) =>
      tx.query<{ email: string; requested: string }>(
        `SELECT record->'customer'->'emails'->>0 AS email, record->>'requestedAt' AS requested
         FROM evidence_lead WHERE source = 'adf' ORDER BY external_id`,
      ),
    );
    expect(leads).toHaveLength(2);
    expect(leads.map((l) => l.email)).toContain('pat@example.org');

    // Lead providers resend: the same lead is a duplicate, not a second lead.
    const again = await request(api.url)
      .post('/ingest/adf')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'text/xml')
      .send(ADF)
      .expect(200);
    expect(again.body).toMatchObject({ accepted: 0, duplicate: 2 });
    expect(await count(a, `SELECT count(*)::int AS n FROM evidence_lead`)).toBe(2);
    expect(await count(b, `SELECT count(*)::int AS n FROM evidence_lead`)).toBe(0);
  });

  it('refuses entity tricks with a precise reason, and still archives what arrived', async () => {
    const before = await count(a, `SELECT count(*)::int AS n FROM raw_payload`);
    const res = await request(api.url)
      .post(`/ingest/${token}/adf`)
      .set('content-type', 'application/xml')
      .send(XXE)
      .expect(422);
    const answer = res.body as Answer;
    expect(answer.accepted).toBe(0);
    expect(answer.problems[0]!.reason).toMatch(/DOCTYPE/i);
    expect(JSON.stringify(answer)).not.toContain('root:');
    expect(await count(a, `SELECT count(*)::int AS n FROM raw_payload`)).toBe(before + 1);
  });

  it('answers 401 for an unknown or missing token and 413 for an oversized payload', async () => {
    await request(api.url)
      .post(`/ingest/cit_${'x'.repeat(43)}/adf`)
      .set('content-type', 'application/xml')
      .send(ADF)
      .expect(401);
    await request(api.url)
      .post('/ingest/adf')
      .set('content-type', 'application/xml')
      .send(ADF)
      .expect(401);
    // Refused on the declared size, before a byte of the body is read.
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(`${api.url}/ingest/${token}/adf`, {
          method: 'POST',
          headers: { 'content-type': 'application/xml', 'content-length': 30 * 1024 * 1024 },
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.flushHeaders();
      },
    );
    expect(status).toBe(413);
    expect(body).toMatch(/Payload too large/);
  });

  it('accepts a Twilio status callback only with a valid X-Twilio-Signature', async () => {
    const authToken = randomBytes(16).toString('hex');
    await runInTenant(ds, a, (tx) =>
      new ConnectorRepository(SecretBox.fromBase64(secretsKey)).create(tx, {
        storeId: a.storeIds[0]!,
        kind: 'twilio',
        displayName: 'Main line',
        settings: { since: '2026-03-01' },
        credentials: { accountSid: `AC${'1'.repeat(32)}`, authToken },
      }),
    );
    const path = `/ingest/${token}/twilio/status`;
    const params = {
      CallSid: `CA${'2'.repeat(32)}`,
      AccountSid: `AC${'1'.repeat(32)}`,
      From: '+13125559876',
      To: '+13125550100',
      Direction: 'inbound',
      CallStatus: 'completed',
      CallDuration: '42',
      Timestamp: 'Mon, 02 Mar 2026 15:55:52 +0000',
    };
    const form = new URLSearchParams(params).toString();

    const forged = await request(api.url)
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('x-twilio-signature', signTwilioRequest(`${api.url}${path}`, params, 'wrong-token'))
      .send(form)
      .expect(401);
    expect((forged.body as { error: { message: string } }).error.message).toMatch(/Signature/);

    const res = await request(api.url)
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .set('x-twilio-signature', signTwilioRequest(`${api.url}${path}`, params, authToken))
      .send(form)
      .expect(200);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 0 });
    const calls = await runInTenant(ds, a, (tx) =>
      tx.query<{ evidence: string; direction: string }>(
        `SELECT record->>'evidence' AS evidence, record->>'direction' AS direction
         FROM evidence_activity WHERE source = 'twilio'`,
      ),
    );
    expect(calls).toEqual([{ evidence: 'recorded', direction: 'inbound' }]);
  });
});
