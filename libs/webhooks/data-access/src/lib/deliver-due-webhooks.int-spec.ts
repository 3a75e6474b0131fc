import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '@candor/platform-crypto';
import { runInTenant } from '@candor/platform-database';
import { pageRequest } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newTenant } from '@candor/tenancy-testing';
import { verifyWebhook, WEBHOOK_RETRY_SCHEDULE } from '@candor/webhooks-domain';
import {
  type Responder,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@candor/webhooks-testing';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { publishWebhookEvent } from './publish-webhook-event';
import { WebhookDeliveryRepository, type WebhookDeliveryView } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

// The deliveries live on a clock of their own (far from the real one), moved by the tests.
const T0 = new Date('2100-06-01T08:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('delivering webhooks to a real receiver', () => {
  let ds: DataSource;
  const box = SecretBox.fromBase64(randomBytes(32).toString('base64'));
  const endpoints = new WebhookEndpointRepository(box);
  const deliveries = new WebhookDeliveryRepository();
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    ds = await appDataSource();
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });
  afterAll(() => ds?.destroy());

  /** A tenant with one endpoint for report.ready at a receiver answering as `respond` says. */
  async function setUp(respond?: Responder, url?: string) {
    const receiver = await startWebhookReceiver(respond);
    receivers.push(receiver);
    const tenant = await newTenant(ds, { stores: 1 });
    const { endpoint, secret } = await runInTenant(ds, tenant, (tx) =>
      endpoints.create(tx, { url: url ?? receiver.url, eventTypes: ['report.ready'] }, T0),
    );
    const publish = (now = T0) =>
      runInTenant(ds, tenant, (tx) =>
        publishWebhookEvent(
          tx,
          { type: 'report.ready', storeId: tenant.storeIds[0]!, data: { reportId: 'r-1' } },
          { now },
        ),
      );
    const pass = (now: Date, extra: Partial<Parameters<typeof deliverDueWebhooks>[1]> = {}) =>
      deliverDueWebhooks(ds, {
        secrets: box,
        now: () => now,
        consultancyIds: [tenant.consultancyId],
        ...extra,
      });
    const log = async (): Promise<WebhookDeliveryView[]> =>
      (
        await runInTenant(ds, tenant, (tx) =>
          deliveries.page(tx, endpoint.id, null, pageRequest({})),
        )
      ).rows;
    return { receiver, tenant, endpoint, secret, publish, pass, log };
  }

  it('POSTs the signed envelope, which verifies with the endpoint secret', async () => {
    const { receiver, secret, publish, pass, log } = await setUp();
    await publish();
    expect(await pass(at(1))).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });

    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(verifyWebhook(secret, headers, body, { now: at(1) })).toMatchObject({ valid: true });
    expect(verifyWebhook(secret, headers, body.replace('r-1', 'r-2'), { now: at(1) }).valid).toBe(
      false,
    );
    expect(body).toBe(
      JSON.stringify({
        type: 'report.ready',
        timestamp: T0.toISOString(),
        data: { reportId: 'r-1' },
      }),
    );
    const [entry] = await log();
    expect(entry).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      deliveredAt: at(1),
      nextAttemptAt: null,
    });
    expect(headers['webhook-id']).toBe(entry!.eventId);
    // Nothing is due any more.
    expect((await pass(at(3600))).attempted).toBe(0);
  });

  it('retries with backoff after 500s and records each attempt until it is delivered', async () => {
    const { receiver, secret, publish, pass, log } = await setUp((n) => (n < 2 ? 500 : 200));
    await publish();

    expect(await pass(at(0))).toMatchObject({ attempted: 1, retrying: 1 });
    expect((await log())[0]).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500: receiver says 500',
      nextAttemptAt: at(30),
    });
    // Not before the backoff has passed.
    expect((await pass(at(29))).attempted).toBe(0);
    expect(await pass(at(30))).toMatchObject({ attempted: 1, retrying: 1 });
    expect((await log())[0]).toMatchObject({ attempts: 2, nextAttemptAt: at(30 + 120) });
    expect((await pass(at(149))).attempted).toBe(0);
    expect(await pass(at(150))).toMatchObject({ attempted: 1, delivered: 1 });

    expect((await log())[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 200,
      lastError: null,
      lastAttemptAt: at(150),
      deliveredAt: at(150),
    });
    // One event: the same id on every attempt, each signed at its own time.
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(receiver.received).toHaveLength(3);
    expect(ids.size).toBe(1);
    const last = receiver.received[2]!;
    expect(verifyWebhook(secret, last.headers, last.body, { now: at(150) }).valid).toBe(true);
  });

  it('marks a delivery failed once every attempt has failed', async () => {
    const { receiver, publish, pass, log } = await setUp(() => 503);
    await publish();
    let now = T0;
    for (let attempt = 1; attempt <= WEBHOOK_RETRY_SCHEDULE.maxAttempts; attempt++) {
      expect((await pass(now)).attempted, `attempt ${attempt}`).toBe(1);
      const [entry] = await log();
      if (entry!.nextAttemptAt) now = entry!.nextAttemptAt;
    }
    const [entry] = await log();
    expect(entry).toMatchObject({
      status: 'failed',
      attempts: WEBHOOK_RETRY_SCHEDULE.maxAttempts,
      lastStatusCode: 503,
      lastError: 'HTTP 503: receiver says 503',
      nextAttemptAt: null,
      deliveredAt: null,
    });
    expect(receiver.received).toHaveLength(WEBHOOK_RETRY_SCHEDULE.maxAttempts);
    expect((await pass(at(30 * 24 * 3600))).attempted).toBe(0);
  });

  it('signs with the old and the new secret during a rotation, then with the new one', async () => {
    const { receiver, tenant, endpoint, secret: old, publish, pass } = await setUp();
    const rotated = await runInTenant(ds, tenant, (tx) =>
      endpoints.rotateSecret(tx, endpoint.id, T0),
    );
    await publish(at(60));
    await pass(at(60));
    const during = receiver.received[0]!;
    expect(verifyWebhook(old, during.headers, during.body, { now: at(60) }).valid).toBe(true);
    expect(verifyWebhook(rotated!.secret, during.headers, during.body, { now: at(60) }).valid).toBe(
      true,
    );

    const afterGrace = at(24 * 3600 + 1);
    await publish(afterGrace);
    await pass(afterGrace);
    const later = receiver.received[1]!;
    expect(verifyWebhook(old, later.headers, later.body, { now: afterGrace }).valid).toBe(false);
    expect(
      verifyWebhook(rotated!.secret, later.headers, later.body, { now: afterGrace }).valid,
    ).toBe(true);
  });

  it('records timeouts, refused connections and redirects as failed attempts', async () => {
    const hung = await setUp(() => 'hang');
    await hung.publish();
    await hung.pass(at(0), { timeoutMs: 300 });
    expect((await hung.log())[0]).toMatchObject({
      attempts: 1,
      lastStatusCode: null,
      lastError: 'no response within 0.3 s',
      status: 'pending',
    });

    const closed = await startWebhookReceiver();
    const closedUrl = closed.url;
    await closed.close();
    const refused = await setUp(undefined, closedUrl);
    await refused.publish();
    await refused.pass(at(0));
    expect((await refused.log())[0]!.lastError).toMatch(/^could not connect: ECONNREFUSED/);

    const moved = await setUp(() => 301);
    await moved.publish();
    await moved.pass(at(0));
    expect((await moved.log())[0]).toMatchObject({
      lastStatusCode: 301,
      lastError: 'HTTP 301: redirects are not followed',
    });
    expect(moved.receiver.received).toHaveLength(1);
  });

  it('holds deliveries of a disabled endpoint until it is enabled again', async () => {
    const { receiver, tenant, endpoint, publish, pass, log } = await setUp();
    await publish();
    await runInTenant(ds, tenant, (tx) => endpoints.update(tx, endpoint.id, { enabled: false }));
    expect((await pass(at(10))).attempted).toBe(0);
    expect(receiver.received).toHaveLength(0);
    await runInTenant(ds, tenant, (tx) => endpoints.update(tx, endpoint.id, { enabled: true }));
    expect((await pass(at(20))).delivered).toBe(1);
    expect((await log())[0]!.status).toBe('delivered');
  });

  it('delivers each event once when two workers run passes at the same time', async () => {
    const { receiver, publish, pass, log } = await setUp();
    for (let i = 0; i < 6; i++) await publish();
    const [one, two] = await Promise.all([pass(at(5)), pass(at(5))]);
    expect(one.delivered + two.delivered).toBe(6);
    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(6);
    expect((await log()).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('redelivers an event as a new log entry with the same event id', async () => {
    const { receiver, tenant, publish, pass, log } = await setUp();
    await publish();
    await pass(at(1));
    const [first] = await log();
    const again = await runInTenant(ds, tenant, (tx) => deliveries.redeliver(tx, first!.id, at(5)));
    expect(again).toMatchObject({ status: 'pending', attempts: 0, eventId: first!.eventId });
    await pass(at(5));
    expect((await log()).map((d) => d.status)).toEqual(['delivered', 'delivered']);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      first!.eventId,
      first!.eventId,
    ]);
  });
  it("keeps delivering for other tenants when one tenant's secrets cannot be opened", async () => {
    const good = await setUp();
    const stranger = await newTenant(ds, { stores: 0 });
    const otherKey = new WebhookEndpointRepository(
      SecretBox.fromBase64(randomBytes(32).toString('base64')),
    );
    await runInTenant(ds, stranger, async (tx) => {
      await otherKey.create(tx, { url: good.receiver.url, eventTypes: ['report.ready'] }, T0);
      await publishWebhookEvent(tx, { type: 'report.ready', data: {} }, { now: T0 });
    });
    await good.publish();
    await expect(
      deliverDueWebhooks(ds, {
        secrets: box,
        now: () => at(1),
        consultancyIds: [stranger.consultancyId, good.tenant.consultancyId],
      }),
    ).rejects.toThrow(/webhook delivery failed for a tenant: .*sealed with key/);
    expect(good.receiver.received).toHaveLength(1);
    expect((await good.log())[0]!.status).toBe('delivered');
  });
});
