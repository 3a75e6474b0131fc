import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataSource,
  dropProvisionedDatabase,
  provisionDatabase,
  type ProvisionedUrls,
  runInTenant,
} from '@candor/platform-database';
import { JobQueue, QUEUES } from '@candor/platform-queue';
import { testDatabase } from '@candor/platform-testing';
import { SecretBox } from '@candor/platform-crypto';
import { pageRequest } from '@candor/platform-graphql';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import {
  publishWebhookEvent,
  WebhookDeliveryRepository,
  WebhookEndpointRepository,
} from '@candor/webhooks-data-access';
import { verifyWebhook } from '@candor/webhooks-domain';
import { startWebhookReceiver } from '@candor/webhooks-testing';
import { spawnWorker, type WorkerProcess } from './worker-process';

/**
 * On a database of its own: the worker migrates it from empty, and its queue cannot take jobs
 * that other test files queue on the shared test database.
 */
describe('npm run worker', () => {
  const run = `w${randomBytes(4).toString('hex')}`;
  const names = {
    database: `candor_test_${run}`,
    ownerRole: `candor_test_${run}_owner`,
    appRole: `candor_test_${run}_app`,
  };
  let urls: ProvisionedUrls;
  let ds: DataSource | undefined;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    urls = await provisionDatabase({
      adminUrl: testDatabase().adminUrl,
      ...names,
      ownerPassword: randomBytes(12).toString('hex'),
      appPassword: randomBytes(12).toString('hex'),
    });
  });

  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await ds?.destroy();
    await dropProvisionedDatabase(testDatabase().adminUrl, names);
  });

  it('refuses a malformed CANDOR_SECRETS_KEY, naming it', async () => {
    const bad = spawnWorker({
      DATABASE_URL: urls.appUrl,
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      CANDOR_SECRETS_KEY: 'too-short',
    });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(
      /CANDOR_SECRETS_KEY: must be the base64 encoding of exactly 32 bytes/,
    );
  });

  it('migrates, installs the queue as the owner, runs jobs as the app role, stops on SIGTERM', async () => {
    worker = spawnWorker({
      DATABASE_URL: urls.appUrl,
      DATABASE_OWNER_URL: urls.ownerUrl,
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      CANDOR_SECRETS_KEY: randomBytes(32).toString('base64'),
    });
    await worker.waitFor(/candor worker started/);
    ds = await createDataSource({ url: urls.appUrl, poolSize: 2 }).initialize();
    const a: TestTenant = await newTenant(ds, { stores: 1 });

    const queue = await JobQueue.start({ url: urls.appUrl, maintain: false });
    try {
      await queue.send(QUEUES.evidenceRegrade, {
        consultancyId: a.consultancyId,
        storeId: a.storeIds[0]!,
        leadIds: ['L-77', 'L-78'],
      });
    } finally {
      await queue.stop();
    }
    let leads: string[] = [];
    for (let i = 0; i < 200 && leads.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const rows = await runInTenant(ds!, a, (tx) =>
        tx.query<{ lead: string }>(
          'SELECT lead_external_id AS lead FROM lead_regrade_queue WHERE store_id = $1 ORDER BY 1',
          [a.storeIds[0]],
        ),
      );
      leads = rows.map((r) => r.lead);
    }
    expect(leads).toEqual(['L-77', 'L-78']);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });
  it('delivers queued webhooks on its own every WEBHOOK_DELIVERY_INTERVAL_MS', async () => {
    const secretsKey = randomBytes(32).toString('base64');
    const receiver = await startWebhookReceiver();
    worker = spawnWorker({
      DATABASE_URL: urls.appUrl,
      DATABASE_OWNER_URL: urls.ownerUrl,
      AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
      CANDOR_SECRETS_KEY: secretsKey,
      WEBHOOK_DELIVERY_INTERVAL_MS: '200',
    });
    try {
      await worker.waitFor(/candor worker started/);
      ds ??= await createDataSource({ url: urls.appUrl, poolSize: 2 }).initialize();
      const t = await newTenant(ds, { stores: 1 });
      const endpoints = new WebhookEndpointRepository(SecretBox.fromBase64(secretsKey));
      const { endpoint, secret } = await runInTenant(ds, t, (tx) =>
        endpoints.create(tx, { url: receiver.url, eventTypes: ['report.ready'] }),
      );
      await runInTenant(ds, t, (tx) =>
        publishWebhookEvent(tx, { type: 'report.ready', data: { reportId: 'r-7' } }),
      );
      for (let i = 0; i < 200 && receiver.received.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(receiver.received).toHaveLength(1);
      const { headers, body } = receiver.received[0]!;
      expect(verifyWebhook(secret, headers, body).valid).toBe(true);
      let status = '';
      for (let i = 0; i < 100 && status !== 'delivered'; i++) {
        const log = await runInTenant(ds, t, (tx) =>
          new WebhookDeliveryRepository().page(tx, endpoint.id, null, pageRequest({})),
        );
        status = log.rows[0]?.status ?? '';
        if (status !== 'delivered') await new Promise((r) => setTimeout(r, 100));
      }
      expect(status).toBe('delivered');
    } finally {
      await receiver.close();
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    }
  });
});
