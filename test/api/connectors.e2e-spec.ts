import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeadLetterRepository } from '@candor/connectors-data-access';
import { fakeTwilio, type FakeVendorServer } from '@candor/connectors-testing';
import {
  createDataSource,
  dropProvisionedDatabase,
  provisionDatabase,
  type ProvisionedUrls,
  runInTenant,
} from '@candor/platform-database';
import { decodeId, encodeId } from '@candor/platform-graphql';
import { ensureQueueSchema } from '@candor/platform-queue';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import {
  errorCodes,
  gql,
  type GraphQLResponse,
  REPO_ROOT,
  type RunningApi,
  startApi,
} from '../support/api-process';
import { spawnWorker, type WorkerProcess } from '../worker/worker-process';

const ADF = readFileSync(join(REPO_ROOT, 'test/fixtures/vendors/adf-lead.xml'));
const SID = 'AC0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const AUTH_TOKEN = 'e2e-twilio-auth-token-7f3a';
const STORE_NUMBER = '+13125550100';

const call = (n: number) => ({
  sid: `CA${String(n).padStart(32, '0')}`,
  from: `+1312555${String(2000 + n)}`,
  to: STORE_NUMBER,
  direction: 'inbound',
  status: 'completed',
  start_time: `Mon, 02 Mar 2026 1${String(n)}:00:00 +0000`,
  duration: '30',
  answered_by: 'human',
  parent_call_sid: null,
});

const CONNECTOR_FIELDS = `id storeId kind title displayName settings hasCredentials enabled
  syncIntervalMinutes openDeadLetters
  syncStatus { lastStartedAt lastSuccessAt lastError lastErrorAt hasCursor cursorUpdatedAt }`;
const CREATE = `mutation($i: CreateConnectorInput!) { createConnector(input: $i) { ${CONNECTOR_FIELDS} } }`;
const LIST = `query($s: ID!) { connectors(storeId: $s) { totalCount nodes { ${CONNECTOR_FIELDS} } } }`;
const TEST = `mutation($id: ID!) { testConnector(id: $id) {
  ok message recordsOnFirstPage rejectedOnFirstPage } }`;
const SYNC = 'mutation($id: ID!) { syncConnector(id: $id) { queued jobId } }';
const UPDATE_CREDENTIALS = `mutation($id: ID!, $c: JSONObject!) {
  updateConnectorCredentials(id: $id, credentials: $c) { id hasCredentials } }`;
const SET_ENABLED = `mutation($id: ID!, $e: Boolean!) {
  setConnectorEnabled(id: $id, enabled: $e) { id enabled } }`;
const DEAD_LETTERS = `query($c: ID!) { connectorDeadLetters(connectorId: $c) {
  totalCount nodes { id connectorId jobId summary reason attempts failedAt } } }`;
const RESOLVE = 'mutation($id: ID!) { resolveDeadLetter(id: $id) { id } }';
const CREATE_TOKEN = `mutation($s: ID!) { createIngestToken(storeId: $s) {
  token adfUrl twilioStatusUrl ingestToken { id tokenPrefix revokedAt } } }`;
const TOKENS = `query($s: ID!) { ingestTokens(storeId: $s) {
  totalCount nodes { id tokenPrefix createdAt lastUsedAt revokedAt } } }`;
const REVOKE = 'mutation($id: ID!) { revokeIngestToken(id: $id) { id revokedAt } }';

interface ConnectorNode {
  id: string;
  hasCredentials: boolean;
  enabled: boolean;
  openDeadLetters: number;
  settings: Record<string, unknown>;
  syncStatus: { lastSuccessAt: string | null; hasCursor: boolean };
}

const fieldsOf = (res: GraphQLResponse<unknown>) =>
  (res.errors?.[0]?.extensions?.['fields'] as { field: string }[] | undefined)?.map(
    (e) => e.field,
  ) ?? [];

describe('connector management over GraphQL', () => {
  const secretsKey = randomBytes(32).toString('base64');
  let api: RunningApi;
  let ds: DataSource;
  let twilio: FakeVendorServer;
  let a: TestTenant;
  let b: TestTenant;
  let ownerA: string;
  let ownerB: string;
  let consultantA: string;
  let managerA: string;
  let connectorId: string;

  const storeOf = (t: TestTenant, i = 0) => encodeId('Store', t.storeIds[i]!);
  const twilioInput = (overrides: Record<string, unknown> = {}) => ({
    storeId: storeOf(a),
    kind: 'twilio',
    displayName: 'Main line',
    settings: { since: '2026-03-01', baseUrl: twilio.url, transcripts: false },
    credentials: { accountSid: SID, authToken: AUTH_TOKEN },
    ...overrides,
  });

  beforeAll(async () => {
    // The API only sends jobs; the queue's schema is installed by the owner (as the worker does).
    await ensureQueueSchema(testDatabase().ownerUrl);
    twilio = await fakeTwilio({
      accountSid: SID,
      authToken: AUTH_TOKEN,
      calls: [call(1), call(2), call(3)],
    }).start();
    api = await startApi({ CANDOR_SECRETS_KEY: secretsKey });
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 2 });
    b = await newTenant(ds, { stores: 1 });
    await runInTenant(ds, a, (tx) =>
      tx.query('UPDATE store SET phone_numbers = $2 WHERE id = $1', [
        a.storeIds[0],
        [STORE_NUMBER],
      ]),
    );
    ownerA = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
    const consultant = await newMember(ds, a.consultancyId, 'consultant', [a.storeIds[0]!]);
    consultantA = tokenFor(consultant, a.consultancyId, api.tokens);
    const manager = await newMember(ds, a.consultancyId, 'dealer_manager', [a.storeIds[0]!]);
    managerA = tokenFor(manager, a.consultancyId, api.tokens);

    const created = await gql<{ createConnector: ConnectorNode }>(api, consultantA, CREATE, {
      i: twilioInput(),
    });
    expect(created.errors).toBeUndefined();
    connectorId = created.data!.createConnector.id;
  });

  afterAll(async () => {
    await api?.stop();
    await twilio?.close();
    await ds?.destroy();
  });

  it('stores the credentials sealed and never returns them', async () => {
    const res = await gql<{ connectors: { totalCount: number; nodes: ConnectorNode[] } }>(
      api,
      ownerA,
      LIST,
      { s: storeOf(a) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.connectors.totalCount).toBe(1);
    const [node] = res.data!.connectors.nodes;
    expect(node).toMatchObject({
      id: connectorId,
      kind: 'twilio',
      title: 'Twilio calls',
      displayName: 'Main line',
      hasCredentials: true,
      enabled: true,
      syncIntervalMinutes: 60,
      openDeadLetters: 0,
      settings: { since: '2026-03-01', baseUrl: twilio.url, transcripts: false },
      syncStatus: { lastSuccessAt: null, lastError: null, hasCursor: false },
    });
    const text = JSON.stringify(res);
    expect(text).not.toContain(AUTH_TOKEN);
    expect(text).not.toContain(SID);
    // Not even the database holds them in the clear.
    const [row] = await runInTenant(ds, a, (tx) =>
      tx.query<{ sealed: Buffer; settings: unknown }>(
        'SELECT credentials_ciphertext AS sealed, settings FROM connector WHERE id = $1',
        [decodeId('Connector', connectorId)],
      ),
    );
    expect(row!.sealed.includes(Buffer.from(AUTH_TOKEN))).toBe(false);
    expect(JSON.stringify(row!.settings)).not.toContain(AUTH_TOKEN);
    // The audit trail records the createConnector mutation with the secret redacted.
    const audit = await runInTenant(ds, a, (tx) =>
      tx.query<{ details: unknown }>(
        `SELECT details FROM audit_event WHERE action = 'mutation.createConnector'`,
      ),
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(AUTH_TOKEN);
  });

  it('tests the connection by fetching the first page, and reports a vendor refusal', async () => {
    const ok = await gql<{ testConnector: Record<string, unknown> }>(api, consultantA, TEST, {
      id: connectorId,
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.testConnector).toMatchObject({
      ok: true,
      recordsOnFirstPage: 3,
      rejectedOnFirstPage: 0,
    });
    // Nothing was imported by the test.
    const calls = await runInTenant(ds, a, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_activity'),
    );
    expect(calls[0]!.n).toBe(0);

    const wrong = await gql(api, consultantA, UPDATE_CREDENTIALS, {
      id: connectorId,
      c: { accountSid: SID, authToken: 'not-the-token' },
    });
    expect(wrong.errors).toBeUndefined();
    const refused = await gql<{ testConnector: { ok: boolean; message: string } }>(
      api,
      consultantA,
      TEST,
      { id: connectorId },
    );
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.testConnector.ok).toBe(false);
    expect(refused.data!.testConnector.message).toMatch(/401.*Authenticate/);

    await gql(api, consultantA, UPDATE_CREDENTIALS, {
      id: connectorId,
      c: { accountSid: SID, authToken: AUTH_TOKEN },
    });
    const again = await gql<{ testConnector: { ok: boolean } }>(api, consultantA, TEST, {
      id: connectorId,
    });
    expect(again.data!.testConnector.ok).toBe(true);
  });

  it('rejects bad input naming every field, and stores nothing', async () => {
    const unknownKind = await gql(api, ownerA, CREATE, { i: twilioInput({ kind: 'salesforce' }) });
    expect(errorCodes(unknownKind)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(unknownKind)).toEqual(['input.kind']);

    const missing = await gql(api, ownerA, CREATE, {
      i: twilioInput({
        settings: { since: 'March', baseUrl: twilio.url },
        credentials: { accountSid: SID },
        syncIntervalMinutes: 0,
      }),
    });
    expect(errorCodes(missing)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(missing).sort()).toEqual([
      'input.credentials.authToken',
      'input.settings.since',
      'input.syncIntervalMinutes',
    ]);
    expect(missing.errors![0]!.message).toMatch(/authToken: is required/);

    const notAnObject = await gql(api, ownerA, UPDATE_CREDENTIALS, {
      id: connectorId,
      c: ['a'],
    });
    expect(errorCodes(notAnObject)).toEqual(['BAD_USER_INPUT']);

    const list = await gql<{ connectors: { totalCount: number } }>(api, ownerA, LIST, {
      s: storeOf(a),
    });
    expect(list.data!.connectors.totalCount).toBe(1);
  });

  it('queues a sync once per connector, and refuses a disabled one', async () => {
    const first = await gql<{ syncConnector: { queued: boolean; jobId: string | null } }>(
      api,
      consultantA,
      SYNC,
      { id: connectorId },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.syncConnector.queued).toBe(true);
    const jobs = await ds.query<{ data: { consultancyId: string; connectorId: string } }[]>(
      `SELECT data FROM pgboss.job WHERE name = 'connector.sync' AND id = $1 AND singleton_key = $2`,
      [first.data!.syncConnector.jobId, decodeId('Connector', connectorId)],
    );
    expect(jobs.map((j) => j.data)).toEqual([
      { consultancyId: a.consultancyId, connectorId: decodeId('Connector', connectorId) },
    ]);

    const second = await gql<{ syncConnector: { queued: boolean; jobId: string | null } }>(
      api,
      consultantA,
      SYNC,
      { id: connectorId },
    );
    expect(second.data!.syncConnector).toEqual({ queued: false, jobId: null });

    const off = await gql<{ setConnectorEnabled: { enabled: boolean } }>(api, ownerA, SET_ENABLED, {
      id: connectorId,
      e: false,
    });
    expect(off.data!.setConnectorEnabled.enabled).toBe(false);
    const refused = await gql(api, ownerA, SYNC, { id: connectorId });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    await gql(api, ownerA, SET_ENABLED, { id: connectorId, e: true });
  });

  it('lists open dead letters with their reason until resolved', async () => {
    const letter = await runInTenant(ds, a, (tx) =>
      new DeadLetterRepository().record(tx, {
        connectorId: decodeId('Connector', connectorId),
        jobId: randomBytes(8).toString('hex'),
        payloadSummary: 'twilio sync of "Main line"',
        reason: 'twilio responded 401: Authenticate',
        attempts: 3,
      }),
    );
    const listed = await gql<{
      connectorDeadLetters: { totalCount: number; nodes: Record<string, unknown>[] };
    }>(api, consultantA, DEAD_LETTERS, { c: connectorId });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.connectorDeadLetters.totalCount).toBe(1);
    expect(listed.data!.connectorDeadLetters.nodes[0]).toMatchObject({
      connectorId,
      jobId: letter.jobId,
      reason: 'twilio responded 401: Authenticate',
      attempts: 3,
    });
    const counted = await gql<{ connectors: { nodes: ConnectorNode[] } }>(api, ownerA, LIST, {
      s: storeOf(a),
    });
    expect(counted.data!.connectors.nodes[0]!.openDeadLetters).toBe(1);

    const id = listed.data!.connectorDeadLetters.nodes[0]!['id'] as string;
    expect(errorCodes(await gql(api, ownerB, RESOLVE, { id }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(api, ownerA, RESOLVE, { id }))).toEqual([]);
    const after = await gql<{ connectorDeadLetters: { totalCount: number } }>(
      api,
      ownerA,
      DEAD_LETTERS,
      { c: connectorId },
    );
    expect(after.data!.connectorDeadLetters.totalCount).toBe(0);
  });

  it('issues an ingest token once, accepts pushes with it, and refuses them after revoking', async () => {
    const issued = await gql<{
      createIngestToken: {
        token: string;
        adfUrl: string;
        twilioStatusUrl: string;
        ingestToken: { id: string; tokenPrefix: string };
      };
    }>(api, consultantA, CREATE_TOKEN, { s: storeOf(a) });
    expect(issued.errors).toBeUndefined();
    const { token, adfUrl, twilioStatusUrl, ingestToken } = issued.data!.createIngestToken;
    expect(token).toMatch(/^cit_/);
    expect(token.startsWith(ingestToken.tokenPrefix)).toBe(true);
    expect(new URL(adfUrl).pathname).toBe(`/ingest/${token}/adf`);
    expect(new URL(twilioStatusUrl).pathname).toBe(`/ingest/${token}/twilio/status`);

    const listed = await gql<{ ingestTokens: { totalCount: number; nodes: { id: string }[] } }>(
      api,
      consultantA,
      TOKENS,
      { s: storeOf(a) },
    );
    expect(listed.data!.ingestTokens.totalCount).toBe(1);
    expect(JSON.stringify(listed)).not.toContain(token);

    await request(api.url)
      .post(new URL(adfUrl).pathname)
      .set('content-type', 'application/xml')
      .send(ADF)
      .expect(200);

    expect(errorCodes(await gql(api, ownerB, REVOKE, { id: ingestToken.id }))).toEqual([
      'NOT_FOUND',
    ]);
    const revoked = await gql<{ revokeIngestToken: { revokedAt: string | null } }>(
      api,
      consultantA,
      REVOKE,
      { id: ingestToken.id },
    );
    expect(revoked.data!.revokeIngestToken.revokedAt).not.toBeNull();
    await request(api.url)
      .post(new URL(adfUrl).pathname)
      .set('content-type', 'application/xml')
      .send(ADF)
      .expect(401);
  });

  it("keeps another consultancy and unassigned stores out: NOT_FOUND, and A's connector unchanged", async () => {
    for (const [query, variables] of [
      [LIST, { s: storeOf(a) }],
      [TEST, { id: connectorId }],
      [SYNC, { id: connectorId }],
      [SET_ENABLED, { id: connectorId, e: false }],
      [UPDATE_CREDENTIALS, { id: connectorId, c: { accountSid: SID, authToken: 'stolen' } }],
      [DEAD_LETTERS, { c: connectorId }],
      [TOKENS, { s: storeOf(a) }],
      [CREATE_TOKEN, { s: storeOf(a) }],
      [CREATE, { i: twilioInput() }],
    ] as const) {
      expect(errorCodes(await gql(api, ownerB, query, variables))).toEqual(['NOT_FOUND']);
    }
    // A consultant assigned to store 0 only does not see store 1.
    expect(errorCodes(await gql(api, consultantA, LIST, { s: storeOf(a, 1) }))).toEqual([
      'NOT_FOUND',
    ]);
    const mine = await gql<{ connectors: { nodes: ConnectorNode[] } }>(api, ownerA, LIST, {
      s: storeOf(a),
    });
    expect(mine.data!.connectors.nodes[0]!.enabled).toBe(true);
    const still = await gql<{ testConnector: { ok: boolean } }>(api, ownerA, TEST, {
      id: connectorId,
    });
    expect(still.data!.testConnector.ok).toBe(true);
    const bList = await gql<{ connectors: { totalCount: number } }>(api, ownerB, LIST, {
      s: storeOf(b),
    });
    expect(bList.data!.connectors.totalCount).toBe(0);
  });

  it('forbids a dealer manager', async () => {
    expect(errorCodes(await gql(api, managerA, LIST, { s: storeOf(a) }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(api, managerA, CREATE, { i: twilioInput() }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await gql(api, managerA, TEST, { id: connectorId }))).toEqual(['FORBIDDEN']);
  });
});

describe('connector management without CANDOR_SECRETS_KEY', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('refuses to store credentials, saying why', async () => {
    const res = await gql(api, tokenFor(a.ownerId, a.consultancyId, api.tokens), CREATE, {
      i: {
        storeId: encodeId('Store', a.storeIds[0]!),
        kind: 'twilio',
        displayName: 'Main line',
        settings: { since: '2026-03-01' },
        credentials: { accountSid: SID, authToken: AUTH_TOKEN },
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toMatch(/CANDOR_SECRETS_KEY/);
    expect(JSON.stringify(res)).not.toContain(AUTH_TOKEN);
  });
});

/**
 * syncConnector end to end: the API queues, the real worker (`npm run worker`) pulls from the
 * fake Twilio and imports. On a database of its own, so this worker cannot take jobs that other
 * test files queue on the shared test database.
 */
describe('syncConnector with the real worker', () => {
  const run = `c${randomBytes(4).toString('hex')}`;
  const names = {
    database: `candor_test_${run}`,
    ownerRole: `candor_test_${run}_owner`,
    appRole: `candor_test_${run}_app`,
  };
  const secretsKey = randomBytes(32).toString('base64');
  let urls: ProvisionedUrls;
  let worker: WorkerProcess | undefined;
  let api: RunningApi | undefined;
  let ds: DataSource | undefined;
  let twilio: FakeVendorServer | undefined;

  beforeAll(async () => {
    urls = await provisionDatabase({
      adminUrl: testDatabase().adminUrl,
      ...names,
      ownerPassword: randomBytes(12).toString('hex'),
      appPassword: randomBytes(12).toString('hex'),
    });
    worker = spawnWorker({
      DATABASE_URL: urls.appUrl,
      DATABASE_OWNER_URL: urls.ownerUrl,
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      CANDOR_SECRETS_KEY: secretsKey,
    });
    await worker.waitFor(/candor worker started/);
    api = await startApi({ DATABASE_URL: urls.appUrl, CANDOR_SECRETS_KEY: secretsKey });
    ds = await createDataSource({ url: urls.appUrl, poolSize: 2 }).initialize();
    twilio = await fakeTwilio({
      accountSid: SID,
      authToken: AUTH_TOKEN,
      calls: [call(1), call(2), call(3)],
    }).start();
  });

  afterAll(async () => {
    await api?.stop();
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await twilio?.close();
    await ds?.destroy();
    await dropProvisionedDatabase(testDatabase().adminUrl, names);
  });

  it('imports the vendor data into the tenant and records the success on the connector', async () => {
    const a = await newTenant(ds!, { stores: 1 });
    const b = await newTenant(ds!, { stores: 1 });
    await runInTenant(ds!, a, (tx) =>
      tx.query('UPDATE store SET phone_numbers = $2 WHERE id = $1', [
        a.storeIds[0],
        [STORE_NUMBER],
      ]),
    );
    const owner = tokenFor(a.ownerId, a.consultancyId, api!.tokens);
    const created = await gql<{ createConnector: { id: string } }>(api!, owner, CREATE, {
      i: {
        storeId: encodeId('Store', a.storeIds[0]!),
        kind: 'twilio',
        displayName: 'Main line',
        settings: { since: '2026-03-01', baseUrl: twilio!.url, transcripts: false },
        credentials: { accountSid: SID, authToken: AUTH_TOKEN },
      },
    });
    const id = created.data!.createConnector.id;
    const queued = await gql<{ syncConnector: { queued: boolean } }>(api!, owner, SYNC, { id });
    expect(queued.data!.syncConnector.queued).toBe(true);

    let node: ConnectorNode | undefined;
    for (let i = 0; i < 300 && !node?.syncStatus.lastSuccessAt; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await gql<{ connectors: { nodes: ConnectorNode[] } }>(api!, owner, LIST, {
        s: encodeId('Store', a.storeIds[0]!),
      });
      node = res.data!.connectors.nodes[0];
    }
    expect(node!.syncStatus.lastSuccessAt).not.toBeNull();
    expect(node!.syncStatus.hasCursor).toBe(true);
    const count = (t: TestTenant) =>
      runInTenant(ds!, t, async (tx) => {
        const [row] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM evidence_activity WHERE source = 'twilio'`,
        );
        return row!.n;
      });
    expect(await count(a)).toBe(3);
    expect(await count(b)).toBe(0);
  });
});
