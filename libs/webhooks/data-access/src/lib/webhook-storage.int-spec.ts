import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '@candor/platform-crypto';
import { runInTenant, type TenantTransaction } from '@candor/platform-database';
import { encodeCursor, pageRequest } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { findDueWebhookTenants } from './due-webhook-tenants.query';
import { publishTestWebhookEvent, publishWebhookEvent } from './publish-webhook-event';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

// A clock of its own, far from the real one, so no worker of another test picks these rows up.
const T0 = new Date('2100-03-01T12:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('webhook storage', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  const box = SecretBox.fromBase64(randomBytes(32).toString('base64'));
  const endpoints = new WebhookEndpointRepository(box);
  const deliveries = new WebhookDeliveryRepository();

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
  });
  afterAll(() => ds?.destroy());

  const inA = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, a, work);
  const inB = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, b, work);
  const endpointIn = (
    tenant: TestTenant,
    eventTypes: ('report.ready' | 'finding.created' | 'lead.neglected')[] = ['report.ready'],
    enabled = true,
  ) =>
    runInTenant(ds, tenant, (tx) =>
      endpoints.create(tx, { url: 'https://hooks.example.com/in', eventTypes, enabled }, T0),
    );

  it('returns the secret once and stores it sealed', async () => {
    const { endpoint, secret } = await endpointIn(a);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(endpoint)).not.toContain(secret);
    const [raw] = await inA((tx) =>
      tx.query<{ secret_ciphertext: Buffer; secret_key_id: string }>(
        'SELECT secret_ciphertext, secret_key_id FROM webhook_endpoint WHERE id = $1',
        [endpoint.id],
      ),
    );
    expect(raw!.secret_ciphertext.includes(Buffer.from(secret))).toBe(false);
    expect(raw!.secret_key_id).toBe(box.keyId);
    expect(JSON.stringify(await inA((tx) => endpoints.findById(tx, endpoint.id)))).not.toContain(
      secret,
    );
    const targets = await inA((tx) => endpoints.signingTargets(tx, [endpoint.id], T0));
    expect(targets.get(endpoint.id)?.secrets).toEqual([secret]);
  });

  it('pages endpoints oldest first with cursors', async () => {
    const t = await newTenant(ds, { stores: 0 });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { endpoint } = await runInTenant(ds, t, (tx) =>
        endpoints.create(
          tx,
          { url: `https://hooks.example.com/${i}`, eventTypes: ['report.ready'] },
          at(i),
        ),
      );
      made.push(endpoint.id);
    }
    const first = await runInTenant(ds, t, (tx) => endpoints.page(tx, pageRequest({ first: 2 })));
    expect(first.totalCount).toBe(3);
    expect(first.rows.map((r) => r.id)).toEqual([...made.slice(0, 2), made[2]]);
    const cursor = encodeCursor([first.rows[1]!.createdAt.toISOString(), first.rows[1]!.id]);
    const rest = await runInTenant(ds, t, (tx) =>
      endpoints.page(tx, pageRequest({ first: 2, after: cursor })),
    );
    expect(rest.rows.map((r) => r.id)).toEqual([made[2]]);
  });

  it('queues one delivery per enabled endpoint subscribed to the event', async () => {
    const t = await newTenant(ds, { stores: 1 });
    const wants = await endpointIn(t, ['report.ready', 'finding.created']);
    await endpointIn(t, ['report.ready'], false);
    await endpointIn(t, ['lead.neglected']);
    const queued = await runInTenant(ds, t, (tx) =>
      publishWebhookEvent(
        tx,
        { type: 'finding.created', storeId: t.storeIds[0]!, data: { severity: 'high' } },
        { now: T0 },
      ),
    );
    expect(queued).toBe(1);
    const log = await runInTenant(ds, t, (tx) =>
      deliveries.page(tx, wants.endpoint.id, null, pageRequest({})),
    );
    expect(log.rows).toHaveLength(1);
    expect(log.rows[0]).toMatchObject({
      eventType: 'finding.created',
      storeId: t.storeIds[0],
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0,
      payload: { type: 'finding.created', timestamp: T0.toISOString(), data: { severity: 'high' } },
    });
    expect(log.rows[0]!.eventId).toMatch(/^evt_[\w-]{22}$/);
    await expect(
      runInTenant(ds, t, (tx) =>
        publishWebhookEvent(tx, { type: 'webhook.test' as 'report.ready', data: {} }),
      ),
    ).rejects.toThrow(/not a webhook event type/);
  });

  it('pages the delivery log newest first, by status', async () => {
    const t = await newTenant(ds, { stores: 0 });
    const { endpoint } = await endpointIn(t, ['lead.neglected']);
    for (let i = 0; i < 3; i++) {
      await runInTenant(ds, t, (tx) =>
        publishWebhookEvent(tx, { type: 'lead.neglected', data: { n: i } }, { now: at(i) }),
      );
    }
    const inT = <R>(work: (tx: TenantTransaction) => Promise<R>) => runInTenant(ds, t, work);
    const first = await inT((tx) =>
      deliveries.page(tx, endpoint.id, null, pageRequest({ first: 2 })),
    );
    expect(first.totalCount).toBe(3);
    expect(first.rows.map((r) => r.payload.data['n'])).toEqual([2, 1, 0]);
    const older = encodeCursor([first.rows[1]!.createdAt.toISOString(), first.rows[1]!.id]);
    const rest = await inT((tx) =>
      deliveries.page(tx, endpoint.id, null, pageRequest({ first: 2, after: older })),
    );
    expect(rest.rows.map((r) => r.payload.data['n'])).toEqual([0]);
    const newer = await inT((tx) =>
      deliveries.page(tx, endpoint.id, null, pageRequest({ last: 5, before: older })),
    );
    expect(newer.rows.map((r) => r.payload.data['n'])).toEqual([2]);
    const failed = await inT((tx) => deliveries.page(tx, endpoint.id, 'failed', pageRequest({})));
    expect(failed).toEqual({ rows: [], totalCount: 0 });
  });

  it('keeps the previous secret signing for 24 hours after a rotation', async () => {
    const { endpoint, secret: first } = await endpointIn(a);
    const rotated = await inA((tx) => endpoints.rotateSecret(tx, endpoint.id, T0));
    expect(rotated!.secret).not.toBe(first);
    expect(rotated!.endpoint.previousSecretExpiresAt).toEqual(at(24 * 3600));
    const during = await inA((tx) => endpoints.signingTargets(tx, [endpoint.id], at(3600)));
    expect(during.get(endpoint.id)?.secrets).toEqual([rotated!.secret, first]);
    const after = await inA((tx) => endpoints.signingTargets(tx, [endpoint.id], at(24 * 3600)));
    expect(after.get(endpoint.id)?.secrets).toEqual([rotated!.secret]);
  });

  it('finds tenants with due deliveries for the worker, and only when due', async () => {
    const t = await newTenant(ds, { stores: 0 });
    await endpointIn(t, ['lead.neglected']);
    await runInTenant(ds, t, (tx) =>
      publishWebhookEvent(tx, { type: 'lead.neglected', data: {} }, { now: at(100) }),
    );
    expect(await findDueWebhookTenants(ds, at(99), 10_000)).not.toContain(t.consultancyId);
    expect(await findDueWebhookTenants(ds, at(100), 10_000)).toContain(t.consultancyId);
  });

  it('gives the app role nothing for setting the lookup flag itself', async () => {
    await endpointIn(a);
    const rows = await ds.transaction(async (m) => {
      await m.query(`SELECT set_config('candor.webhook_lookup', 'on', true)`);
      return (await m.query('SELECT id FROM webhook_endpoint')) as unknown[];
    });
    expect(rows).toEqual([]);
  });

  it('deletes an endpoint with its delivery log', async () => {
    const { endpoint } = await endpointIn(a);
    const deliveryId = await inA((tx) => publishTestWebhookEvent(tx, endpoint.id, { now: T0 }));
    expect(await inA((tx) => endpoints.delete(tx, endpoint.id))).toBe(true);
    expect(await inA((tx) => deliveries.findById(tx, deliveryId!))).toBeNull();
    expect(await inA((tx) => endpoints.delete(tx, endpoint.id))).toBe(false);
  });

  it("keeps tenant B from reading or changing A's endpoints and deliveries", async () => {
    const { endpoint } = await endpointIn(a, ['report.ready']);
    await inA((tx) => publishWebhookEvent(tx, { type: 'report.ready', data: {} }, { now: T0 }));
    const [delivery] = (await inA((tx) => deliveries.page(tx, endpoint.id, null, pageRequest({}))))
      .rows;

    // Reads.
    expect(await inB((tx) => endpoints.findById(tx, endpoint.id))).toBeNull();
    expect((await inB((tx) => endpoints.page(tx, pageRequest({})))).totalCount).toBe(0);
    expect((await inB((tx) => endpoints.signingTargets(tx, [endpoint.id], T0))).size).toBe(0);
    expect(await inB((tx) => deliveries.findById(tx, delivery!.id))).toBeNull();
    expect(
      (await inB((tx) => deliveries.page(tx, endpoint.id, null, pageRequest({})))).rows,
    ).toEqual([]);
    expect(await inB((tx) => tx.query('SELECT id FROM webhook_delivery'))).toEqual([]);
    expect(await inB((tx) => deliveries.claimDue(tx, at(10), 100, 60))).toEqual([]);

    // Writes.
    expect(await inB((tx) => endpoints.update(tx, endpoint.id, { enabled: false }))).toBeNull();
    expect(await inB((tx) => endpoints.rotateSecret(tx, endpoint.id))).toBeNull();
    expect(await inB((tx) => endpoints.delete(tx, endpoint.id))).toBe(false);
    expect(await inB((tx) => deliveries.redeliver(tx, delivery!.id))).toBeNull();
    expect(await inB((tx) => publishTestWebhookEvent(tx, endpoint.id))).toBeNull();
    expect(await inB((tx) => publishWebhookEvent(tx, { type: 'report.ready', data: {} }))).toBe(0);
    await expect(
      inB((tx) =>
        tx.query(
          `INSERT INTO webhook_delivery (consultancy_id, endpoint_id, event_id, event_type, payload,
             next_attempt_at) VALUES ($1, $2, 'evt_x', 'report.ready', '{}', now())`,
          [a.consultancyId, endpoint.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inB((tx) =>
      tx.query(`UPDATE webhook_delivery SET status = 'failed' WHERE id = $1 RETURNING id`, [
        delivery!.id,
      ]),
    );
    expect(updated).toEqual([]);

    // A's rows are as they were.
    expect(await inA((tx) => endpoints.findById(tx, endpoint.id))).toMatchObject({
      enabled: true,
      secretRotatedAt: null,
    });
    expect(await inA((tx) => deliveries.findById(tx, delivery!.id))).toMatchObject({
      status: 'pending',
    });
  });
});
