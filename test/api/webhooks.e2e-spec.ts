import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '@candor/platform-crypto';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { deliverDueWebhooks, publishWebhookEvent } from '@candor/webhooks-data-access';
import { verifyWebhook, WEBHOOK_RETRY_SCHEDULE } from '@candor/webhooks-domain';
import {
  type Responder,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@candor/webhooks-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const ENDPOINT_FIELDS = `id url description eventTypes enabled secretRotatedAt
  previousSecretExpiresAt createdAt updatedAt`;
const DELIVERY_FIELDS = `id endpointId eventId eventType status attempts nextAttemptAt
  lastAttemptAt lastStatusCode lastError deliveredAt createdAt payload`;
const CREATE = `mutation($i: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $i) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const ENDPOINTS = `{ webhookEndpoints(first: 100) { totalCount nodes { ${ENDPOINT_FIELDS} } } }`;
const DELIVERIES = `query($e: ID!, $s: WebhookDeliveryStatus) {
  webhookDeliveries(endpointId: $e, status: $s) { totalCount nodes { ${DELIVERY_FIELDS} } } }`;
const SEND_TEST = `mutation($e: ID!) { sendTestWebhook(endpointId: $e) { ${DELIVERY_FIELDS} } }`;
const ROTATE = `mutation($id: ID!) { rotateWebhookSecret(id: $id) {
  secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const REDELIVER = `mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { ${DELIVERY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateWebhookEndpointInput!) {
  updateWebhookEndpoint(id: $id, input: $i) { ${ENDPOINT_FIELDS} } }`;
const DELETE = 'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }';

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  payload: string;
}

describe('outbound webhooks over the API', () => {
  const secretsKey = randomBytes(32).toString('base64');
  const box = SecretBox.fromBase64(secretsKey);
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let ownerA: string;
  let ownerB: string;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    api = await startApi({ CANDOR_SECRETS_KEY: secretsKey, GRAPHQL_COST_CAPACITY: '1000000' });
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
    ownerA = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  /** Registers an endpoint of A at a fresh receiver. */
  async function endpointAt(respond?: Responder, eventTypes = ['report.ready']) {
    const receiver = await startWebhookReceiver(respond);
    receivers.push(receiver);
    const res = await gql<{
      createWebhookEndpoint: { secret: string; endpoint: { id: string; url: string } };
    }>(api, ownerA, CREATE, { i: { url: receiver.url, eventTypes, description: 'e2e' } });
    expect(res.errors).toBeUndefined();
    return { receiver, ...res.data!.createWebhookEndpoint };
  }

  /** A delivery pass of the worker for tenant A, on a clock the test moves. */
  const pass = (now: Date) =>
    deliverDueWebhooks(ds, { secrets: box, now: () => now, consultancyIds: [a.consultancyId] });

  const log = async (endpointId: string, status?: string) => {
    const res = await gql<{ webhookDeliveries: { totalCount: number; nodes: Delivery[] } }>(
      api,
      ownerA,
      DELIVERIES,
      { e: endpointId, s: status ?? null },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.webhookDeliveries;
  };

  it('returns the secret once and never again; a test event arrives signed with it', async () => {
    const { receiver, secret, endpoint } = await endpointAt();
    expect(secret).toMatch(/^whsec_/);

    const listed = await gql(api, ownerA, ENDPOINTS);
    expect(JSON.stringify(listed)).toContain(endpoint.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6, 20));

    const sent = await gql<{ sendTestWebhook: Delivery }>(api, ownerA, SEND_TEST, {
      e: endpoint.id,
    });
    expect(sent.data!.sendTestWebhook).toMatchObject({
      eventType: 'webhook.test',
      status: 'PENDING',
    });
    const now = new Date();
    await pass(now);

    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(verifyWebhook(secret, headers, body, { now })).toMatchObject({ valid: true });
    expect(JSON.parse(body)).toMatchObject({ type: 'webhook.test', data: expect.any(Object) });
    const entries = await log(endpoint.id);
    expect(entries.nodes[0]).toMatchObject({
      eventType: 'webhook.test',
      status: 'DELIVERED',
      attempts: 1,
      lastStatusCode: 200,
      eventId: headers['webhook-id'],
    });
    expect(JSON.stringify(entries)).not.toContain(secret);
  });

  it('shows retries with backoff in the delivery log until the receiver accepts', async () => {
    // The only endpoint of A for finding.created.
    const { receiver, endpoint } = await endpointAt(
      (n) => (n < 2 ? 500 : 200),
      ['finding.created'],
    );
    // What the reports code does when it finds a severe problem.
    const queued = await runInTenant(ds, a, (tx) =>
      publishWebhookEvent(tx, {
        type: 'finding.created',
        storeId: a.storeIds[0]!,
        data: { findingId: 'f-1', severity: 'high' },
      }),
    );
    expect(queued).toBe(1);
    const t0 = new Date(Date.now() + 1000);
    await pass(t0);
    let [entry] = (await log(endpoint.id)).nodes;
    expect(entry).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 500 });
    expect(entry!.lastError).toMatch(/^HTTP 500/);
    expect(new Date(entry!.nextAttemptAt!).getTime()).toBe(t0.getTime() + 30_000);

    await pass(new Date(t0.getTime() + 30_000));
    [entry] = (await log(endpoint.id)).nodes;
    expect(entry).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(new Date(entry!.nextAttemptAt!).getTime()).toBe(t0.getTime() + 150_000);

    await pass(new Date(t0.getTime() + 150_000));
    [entry] = (await log(endpoint.id)).nodes;
    expect(entry).toMatchObject({
      status: 'DELIVERED',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(JSON.parse(entry!.payload)).toMatchObject({
      type: 'finding.created',
      data: { findingId: 'f-1', severity: 'high' },
    });
    expect(receiver.received).toHaveLength(3);
  });

  it('lists a delivery that failed every attempt as FAILED, and redelivers it on request', async () => {
    const { endpoint } = await endpointAt(() => 500);
    await gql(api, ownerA, SEND_TEST, { e: endpoint.id });
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < WEBHOOK_RETRY_SCHEDULE.maxAttempts; i++) {
      await pass(now);
      const [entry] = (await log(endpoint.id)).nodes;
      if (entry!.nextAttemptAt) now = new Date(entry!.nextAttemptAt);
    }
    const failed = await log(endpoint.id, 'FAILED');
    expect(failed.totalCount).toBe(1);
    expect(failed.nodes[0]).toMatchObject({
      status: 'FAILED',
      attempts: WEBHOOK_RETRY_SCHEDULE.maxAttempts,
      lastStatusCode: 500,
      nextAttemptAt: null,
    });
    expect((await log(endpoint.id, 'DELIVERED')).totalCount).toBe(0);

    const again = await gql<{ redeliverWebhook: Delivery }>(api, ownerA, REDELIVER, {
      d: failed.nodes[0]!.id,
    });
    expect(again.data!.redeliverWebhook).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      eventId: failed.nodes[0]!.eventId,
    });
    // A pending delivery is retried by itself; redelivering it is refused with the reason.
    const twice = await gql(api, ownerA, REDELIVER, { d: again.data!.redeliverWebhook.id });
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors![0]!.message).toMatch(/deliveryId: the delivery is still pending/);
    expect((await log(endpoint.id)).totalCount).toBe(2);
  });

  it('signs with the old secret too for 24 hours after rotateWebhookSecret', async () => {
    const { receiver, secret: old, endpoint } = await endpointAt();
    const rotated = await gql<{
      rotateWebhookSecret: { secret: string; endpoint: { previousSecretExpiresAt: string } };
    }>(api, ownerA, ROTATE, { id: endpoint.id });
    const fresh = rotated.data!.rotateWebhookSecret;
    expect(fresh.secret).toMatch(/^whsec_/);
    expect(fresh.secret).not.toBe(old);
    const graceEnds = new Date(fresh.endpoint.previousSecretExpiresAt).getTime();
    expect(graceEnds - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    expect(graceEnds - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(JSON.stringify(await gql(api, ownerA, ENDPOINTS))).not.toContain(fresh.secret);

    await gql(api, ownerA, SEND_TEST, { e: endpoint.id });
    const now = new Date(Date.now() + 1000);
    await pass(now);
    const { headers, body } = receiver.received[0]!;
    expect(verifyWebhook(old, headers, body, { now }).valid).toBe(true);
    expect(verifyWebhook(fresh.secret, headers, body, { now }).valid).toBe(true);

    await gql(api, ownerA, SEND_TEST, { e: endpoint.id });
    const afterGrace = new Date(graceEnds + 1000);
    await pass(afterGrace);
    const later = receiver.received[1]!;
    expect(verifyWebhook(old, later.headers, later.body, { now: afterGrace }).valid).toBe(false);
    expect(verifyWebhook(fresh.secret, later.headers, later.body, { now: afterGrace }).valid).toBe(
      true,
    );
  });

  it('keeps secrets out of the audit trail of the mutations', async () => {
    const { secret, endpoint } = await endpointAt();
    const rotated = await gql<{ rotateWebhookSecret: { secret: string } }>(api, ownerA, ROTATE, {
      id: endpoint.id,
    });
    const audit = await gql<{ auditEvents: { nodes: { action: string; details: string }[] } }>(
      api,
      ownerA,
      '{ auditEvents(first: 50) { nodes { action details before after } } }',
    );
    const actions = audit.data!.auditEvents.nodes.map((n) => n.action);
    expect(actions).toEqual(
      expect.arrayContaining(['mutation.createWebhookEndpoint', 'mutation.rotateWebhookSecret']),
    );
    const trail = JSON.stringify(audit.data);
    expect(trail).not.toContain(secret);
    expect(trail).not.toContain(rotated.data!.rotateWebhookSecret.secret);
  });

  it('answers bad input with the field and the reason', async () => {
    const res = await gql(api, ownerA, CREATE, {
      i: { url: 'https://user:pw@hooks.example.com/x', eventTypes: ['report.ready', 'nope'] },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.extensions!['fields']).toEqual([
      { field: 'input.url', message: expect.stringMatching(/user name or password/) },
      { field: 'input.eventTypes[1]', message: expect.stringMatching(/unknown event type "nope"/) },
    ]);
    const update = await gql(api, ownerA, UPDATE, {
      id: 'not-an-id',
      i: { enabled: false },
    });
    expect(errorCodes(update)).toEqual(['BAD_USER_INPUT']);
  });

  it('pauses a disabled endpoint and refuses to test it', async () => {
    const { receiver, endpoint } = await endpointAt();
    const off = await gql<{ updateWebhookEndpoint: { enabled: boolean } }>(api, ownerA, UPDATE, {
      id: endpoint.id,
      i: { enabled: false },
    });
    expect(off.data!.updateWebhookEndpoint.enabled).toBe(false);
    const test = await gql(api, ownerA, SEND_TEST, { e: endpoint.id });
    expect(errorCodes(test)).toEqual(['BAD_USER_INPUT']);
    await runInTenant(ds, a, (tx) => publishWebhookEvent(tx, { type: 'report.ready', data: {} }));
    await pass(new Date(Date.now() + 1000));
    expect(receiver.received).toHaveLength(0);
  });

  it("keeps another consultancy's owner away from A's endpoints and deliveries", async () => {
    const { endpoint } = await endpointAt();
    const sent = await gql<{ sendTestWebhook: Delivery }>(api, ownerA, SEND_TEST, {
      e: endpoint.id,
    });
    const delivery = sent.data!.sendTestWebhook.id;

    const listed = await gql<{ webhookEndpoints: { totalCount: number } }>(api, ownerB, ENDPOINTS);
    expect(listed.data!.webhookEndpoints.totalCount).toBe(0);
    const attempts = [
      gql(api, ownerB, DELIVERIES, { e: endpoint.id }),
      gql(api, ownerB, UPDATE, { id: endpoint.id, i: { url: 'https://evil.example.com/' } }),
      gql(api, ownerB, ROTATE, { id: endpoint.id }),
      gql(api, ownerB, SEND_TEST, { e: endpoint.id }),
      gql(api, ownerB, REDELIVER, { d: delivery }),
      gql(api, ownerB, DELETE, { id: endpoint.id }),
    ];
    for (const res of await Promise.all(attempts)) expect(errorCodes(res)).toEqual(['NOT_FOUND']);

    const mine = await gql<{ webhookEndpoints: { nodes: { id: string; url: string }[] } }>(
      api,
      ownerA,
      ENDPOINTS,
    );
    expect(mine.data!.webhookEndpoints.nodes.find((n) => n.id === endpoint.id)?.url).toBe(
      endpoint.url,
    );
    const deleted = await gql(api, ownerA, DELETE, { id: endpoint.id });
    expect(deleted.data).toEqual({ deleteWebhookEndpoint: { deletedId: endpoint.id } });
    expect(errorCodes(await gql(api, ownerA, DELIVERIES, { e: endpoint.id }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
