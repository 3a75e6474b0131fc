import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullConnector, PullPage } from '@candor/connectors-core';
import {
  ConnectorCursorRepository,
  ConnectorRepository,
  DeadLetterRepository,
  SecretBox,
} from '@candor/connectors-data-access';
import { importBundle } from '@candor/evidence-data-access';
import type { LeadRecord } from '@candor/evidence-domain';
import { createDataSource, runInTenant, type TenantScope } from '@candor/platform-database';
import { ensureQueueSchema, QUEUES, type RetryPolicy } from '@candor/platform-queue';
import {
  createTestDatabase,
  dropTestDatabase,
  type TestDatabase,
  testDatabase,
} from '@candor/platform-testing';
import { DEFAULT_POLICY } from '@candor/scoring';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { publishWebhookEvent, WebhookEndpointRepository } from '@candor/webhooks-data-access';
import { verifyWebhook } from '@candor/webhooks-domain';
import { startWebhookReceiver } from '@candor/webhooks-testing';
import type { ConnectorSyncData } from './jobs/job-data';
import type { PullConnectorRegistry } from './ports/connector-registry.port';
import type { EvidenceSink, SinkPage } from './ports/evidence-sink.port';
import { publishReportEvents } from './jobs/report-events';
import { type RunningWorker, startWorker } from './worker';

/** Waits for a condition with a bounded poll (no timing is asserted). */
async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  what: string,
): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

class VendorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const lead = (id: string): LeadRecord => ({
  type: 'lead',
  id,
  line: 1,
  raw: null,
  storeId: 'set-per-store',
  receivedAt: Date.parse('2026-03-02T15:00:00Z'),
  requestedAt: null,
  source: null,
  kind: 'internet',
  assignedTo: null,
  customer: { name: 'Pat', emails: [], phones: [] },
  vehicle: null,
  comments: null,
});

/** A vendor API of three pages; `failures` says how often fetching after a cursor fails. */
function fakeVendor(failures: Map<string, number>, calls: (string | null)[]): PullConnector {
  const pages = ['p1', 'p2', 'p3'];
  return {
    kind: 'fake',
    async *pull(cursor, ctx): AsyncIterable<PullPage> {
      calls.push(cursor);
      let from = cursor === null ? 0 : pages.indexOf(cursor) + 1;
      for (; from < pages.length; from++) {
        const key = from === 0 ? 'start' : pages[from - 1]!;
        const left = failures.get(key) ?? 0;
        if (left > 0) {
          failures.set(key, left - 1);
          throw new VendorError(503, 'Service Unavailable');
        }
        await Promise.resolve();
        const record: LeadRecord = { ...lead(`L-${pages[from]!}`), storeId: ctx.storeId };
        yield {
          records: [record],
          rejected: [],
          raw: `{"page":"${pages[from]!}"}`,
          cursor: pages[from]!,
        };
      }
    },
  };
}

interface Sunk {
  consultancyId: string;
  connector: string;
  page: string;
  savedCursorBefore: string | null;
}

const FAST: RetryPolicy = { retryLimit: 2, retryDelay: 0, retryBackoff: false };

/**
 * On a database of its own: the reports scheduler queues every tenant's stores with leads
 * waiting, and on the shared test database those include other test files' large imports,
 * which this worker would grade first (a 30 s timeout under a full run).
 */
describe('the worker on the PostgreSQL queue', () => {
  let own: TestDatabase | undefined;
  let ds: DataSource;
  let worker: RunningWorker;
  let a: TestTenant;
  let b: TestTenant;
  const box = SecretBox.fromBase64(randomBytes(32).toString('base64'));
  const connectors = new ConnectorRepository(box);
  const cursors = new ConnectorCursorRepository();
  const letters = new DeadLetterRepository();
  const sunk: Sunk[] = [];
  const failuresByConnector = new Map<string, Map<string, number>>();
  const callsByConnector = new Map<string, (string | null)[]>();

  const registry: PullConnectorRegistry = new Map([
    [
      'fake',
      (c) => {
        // The job hands the factory the credentials, decrypted.
        if (c.credentials?.['apiKey'] !== 'k-123') throw new VendorError(401, 'Unauthorized');
        const calls = callsByConnector.get(c.id) ?? [];
        callsByConnector.set(c.id, calls);
        return fakeVendor(failuresByConnector.get(c.id) ?? new Map(), calls);
      },
    ],
  ]);

  const sink: EvidenceSink = {
    async importPage(scope: TenantScope, page: SinkPage) {
      const connectorRow = await runInTenant(ds, scope, (tx) =>
        tx.query<{ id: string; cursor: string | null }>(
          `SELECT c.id, k.cursor FROM connector c LEFT JOIN connector_cursor k
             ON k.consultancy_id = c.consultancy_id AND k.connector_id = c.id
           WHERE c.store_id = $1 AND c.display_name = $2`,
          [page.storeId, currentName.get(page.storeId)],
        ),
      );
      const row = connectorRow[0]!;
      sunk.push({
        consultancyId: scope.consultancyId,
        connector: row.id,
        page: (JSON.parse(page.raw) as { page: string }).page,
        savedCursorBefore: row.cursor,
      });
      return {
        accepted: page.records.length,
        duplicates: 0,
        rejected: 0,
        affectedLeadIds: page.records.map((r) => r.id),
      };
    },
  };
  /** The connector each store syncs in the current test, so the sink can tell them apart. */
  const currentName = new Map<string, string>();

  async function newConnector(
    tenant: TestTenant,
    name: string,
    storeIndex = 0,
    setup: { kind?: string; apiKey?: string } = {},
  ) {
    const storeId = tenant.storeIds[storeIndex]!;
    currentName.set(storeId, name);
    return runInTenant(ds, tenant, (tx) =>
      connectors.create(tx, {
        storeId,
        kind: setup.kind ?? 'fake',
        displayName: name,
        credentials: { apiKey: setup.apiKey ?? 'k-123' },
      }),
    );
  }

  const sync = (tenant: TestTenant, connectorId: string, retry = FAST) =>
    worker.queue.send<ConnectorSyncData>(
      QUEUES.connectorSync,
      { consultancyId: tenant.consultancyId, connectorId },
      { retry, singletonKey: connectorId },
    );

  const jobDone = (id: string) =>
    waitFor(async () => {
      const state = await worker.queue.jobState(QUEUES.connectorSync, id);
      return state === 'completed' || state === 'failed' ? state : null;
    }, `job ${id}`);

  beforeAll(async () => {
    own = await createTestDatabase(testDatabase().adminUrl);
    await ensureQueueSchema(own.ownerUrl);
    ds = await createDataSource({ url: own.appUrl, poolSize: 5 }).initialize();
    a = await newTenant(ds, { stores: 3 });
    b = await newTenant(ds, { stores: 1 });
    worker = await startWorker({
      ds,
      queueUrl: own.appUrl,
      secrets: box,
      registry,
      sink,
      pollingIntervalSeconds: 0.5,
      scheduleEveryMs: 0,
      regradeRetry: FAST,
      policyFor: () => Promise.resolve(DEFAULT_POLICY),
      reportsEveryMs: 0,
      onReportsRefreshed: publishReportEvents,
      // Passes are run by the test, for its own tenant only (the test database is shared).
      webhookDeliveryEveryMs: 0,
      webhookDelivery: { consultancyIds: [a.consultancyId] },
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await ds?.destroy();
    if (own) await dropTestDatabase(own);
  });

  it('pulls every page, saving the cursor after each, and queues the touched leads for re-grading', async () => {
    const c = await newConnector(a, 'three pages');
    const jobId = await sync(a, c.id);
    expect(await jobDone(jobId!)).toBe('completed');

    const mine = sunk.filter((s) => s.connector === c.id);
    expect(mine.map((s) => [s.page, s.savedCursorBefore])).toEqual([
      ['p1', null],
      ['p2', 'p1'],
      ['p3', 'p2'],
    ]);
    expect(mine.every((s) => s.consultancyId === a.consultancyId)).toBe(true);
    const state = await runInTenant(ds, a, (tx) => cursors.get(tx, c.id));
    expect(state).toMatchObject({ cursor: 'p3', lastError: null });
    expect(state?.lastSuccessAt).not.toBeNull();

    const queued = await waitFor(async () => {
      const rows = await runInTenant(ds, a, (tx) =>
        tx.query<{ lead: string }>(
          `SELECT lead_external_id AS lead FROM lead_regrade_queue WHERE store_id = $1 ORDER BY 1`,
          [a.storeIds[0]],
        ),
      );
      return rows.length === 3 ? rows.map((r) => r.lead) : null;
    }, 'regrade requests');
    expect(queued).toEqual(['L-p1', 'L-p2', 'L-p3']);
  });

  it('retries a failed page and resumes from the last saved cursor without re-importing earlier pages', async () => {
    const c = await newConnector(a, 'flaky page two', 1);
    failuresByConnector.set(c.id, new Map([['p1', 1]]));
    const jobId = await sync(a, c.id);
    expect(await jobDone(jobId!)).toBe('completed');

    expect(callsByConnector.get(c.id)).toEqual([null, 'p1']);
    expect(sunk.filter((s) => s.connector === c.id).map((s) => s.page)).toEqual(['p1', 'p2', 'p3']);
    const state = await runInTenant(ds, a, (tx) => cursors.get(tx, c.id));
    expect(state).toMatchObject({ cursor: 'p3', lastError: null });
    expect(await runInTenant(ds, a, (tx) => letters.listOpen(tx, c.id))).toEqual([]);
  });

  it('dead-letters a sync whose retries are spent, with the vendor status and message', async () => {
    const c = await newConnector(a, 'always failing', 2);
    failuresByConnector.set(c.id, new Map([['p1', 99]]));
    const jobId = await sync(a, c.id);
    expect(await jobDone(jobId!)).toBe('failed');

    const open = await runInTenant(ds, a, (tx) => letters.listOpen(tx, c.id));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      jobId,
      reason: 'fake responded 503: Service Unavailable',
      attempts: 3,
      payloadSummary: 'fake sync of "always failing"',
    });
    const state = await runInTenant(ds, a, (tx) => cursors.get(tx, c.id));
    expect(state).toMatchObject({
      cursor: 'p1',
      lastError: 'fake responded 503: Service Unavailable',
    });
    expect(callsByConnector.get(c.id)).toEqual([null, 'p1', 'p1']);
    // Another tenant sees nothing of it.
    expect(await runInTenant(ds, b, (tx) => letters.listOpen(tx))).toEqual([]);
  });

  it('dead-letters at once what retrying cannot fix: rejected credentials, an unknown kind', async () => {
    const rejected = await newConnector(a, 'wrong key', 2, { apiKey: 'k-old' });
    const unknown = await newConnector(a, 'not installed', 2, { kind: 'mystery' });
    const many: RetryPolicy = { retryLimit: 5, retryDelay: 60, retryBackoff: true };
    const [j1, j2] = [await sync(a, rejected.id, many), await sync(a, unknown.id, many)];
    expect(await jobDone(j1!)).toBe('failed');
    expect(await jobDone(j2!)).toBe('failed');

    const open = await runInTenant(ds, a, async (tx) => [
      ...(await letters.listOpen(tx, rejected.id)),
      ...(await letters.listOpen(tx, unknown.id)),
    ]);
    expect(open.map((l) => [l.reason, l.attempts])).toEqual([
      ['fake responded 401: Unauthorized', 1],
      ['no pull connector is installed for kind "mystery"', 1],
    ]);
  });

  it("never runs a job for one tenant against another tenant's connector", async () => {
    const c = await newConnector(a, 'victim');
    const jobId = await sync(b, c.id);
    expect(await jobDone(jobId!)).toBe('completed');
    expect(sunk.filter((s) => s.connector === c.id)).toEqual([]);
    expect(callsByConnector.get(c.id)).toBeUndefined();
    expect(await runInTenant(ds, a, (tx) => cursors.get(tx, c.id))).toBeNull();
  });

  it('the scheduler queues a due connector once and not again while it is fresh', async () => {
    const c = await newConnector(b, 'scheduled');
    const first = await worker.scheduler.tick();
    expect(first).toContain(c.id);
    await waitFor(async () => {
      const state = await runInTenant(ds, b, (tx) => cursors.get(tx, c.id));
      return state?.lastSuccessAt ?? null;
    }, 'scheduled sync');
    expect(sunk.filter((s) => s.connector === c.id).map((s) => s.page)).toEqual(['p1', 'p2', 'p3']);
    const second = await worker.scheduler.tick();
    expect(second).not.toContain(c.id);
    expect(
      sunk.filter((s) => s.connector === c.id).every((s) => s.consultancyId === b.consultancyId),
    ).toBe(true);
  });

  it('webhooks.deliver sends due webhook deliveries, signed with the endpoint secret', async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { secret } = await runInTenant(ds, a, (tx) =>
        new WebhookEndpointRepository(box).create(tx, {
          url: receiver.url,
          eventTypes: ['lead.neglected'],
        }),
      );
      await runInTenant(ds, a, (tx) =>
        publishWebhookEvent(tx, { type: 'lead.neglected', data: { leadId: 'L-9' } }),
      );
      expect(await worker.webhooks!.tick()).toMatchObject({ attempted: 1, delivered: 1 });
      const { headers, body } = receiver.received[0]!;
      expect(verifyWebhook(secret, headers, body).valid).toBe(true);
      expect(JSON.parse(body)).toMatchObject({ type: 'lead.neglected', data: { leadId: 'L-9' } });
    } finally {
      await receiver.close();
    }
  });

  it('grades the reports of a store whose evidence landed, in its tenant only', async () => {
    const storeId = randomUUID();
    await runInTenant(ds, b, (tx) =>
      tx.query(
        `INSERT INTO store (consultancy_id, id, external_id, name, time_zone, business_hours)
         VALUES ($1, $2, 'smith-toyota', 'Smith Toyota', 'America/Chicago', 'null')`,
        [b.consultancyId, storeId],
      ),
    );
    // B subscribes to what reports announce; nothing is sent from here (delivery is tested apart).
    await runInTenant(ds, b, (tx) =>
      new WebhookEndpointRepository(box).create(tx, {
        url: 'https://hooks.example.test/candor',
        eventTypes: ['report.ready', 'finding.created', 'lead.neglected'],
      }),
    );
    const fixture = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hand-written.jsonl');
    await importBundle(ds, b, { store: storeId, input: { kind: 'file', path: fixture } });
    expect(await worker.reportsScheduler.tick()).toContain(storeId);
    const reports = await waitFor(async () => {
      const rows = await runInTenant(ds, b, (tx) =>
        tx.query<{ granularity: string; label: string }>(
          'SELECT granularity, label FROM store_report WHERE store_id = $1 ORDER BY label',
          [storeId],
        ),
      );
      return rows.length > 0 && rows;
    }, 'reports of the imported store');
    expect(reports).toContainEqual({ granularity: 'week', label: '2026-W10' });
    const queued = await runInTenant(ds, b, (tx) =>
      tx.query('SELECT 1 FROM lead_regrade_queue WHERE store_id = $1', [storeId]),
    );
    expect(queued).toEqual([]);
    const events = await runInTenant(ds, b, (tx) =>
      tx.query<{ event_type: string; payload: { data: Record<string, unknown> } }>(
        'SELECT event_type, payload FROM webhook_delivery ORDER BY created_at',
      ),
    );
    const ready = events.filter((e) => e.event_type === 'report.ready');
    // Every finished period graded announces itself once: the fixture's days, weeks and months.
    expect(ready.length).toBe(reports.length);
    expect(ready.map((e) => e.payload.data['period'])).toContain('2026-W10');
    const found = events.filter((e) => e.event_type === 'finding.created');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.payload.data['severity'] === 'high')).toBe(true);
    expect(found.map((e) => e.payload.data['leadId'])).toContain('L1');
    // Nothing is left to do for that store, and the other tenant sees none of it.
    expect(await worker.reportsScheduler.tick()).not.toContain(storeId);
    expect(await runInTenant(ds, a, (tx) => tx.query('SELECT 1 FROM store_report'))).toEqual([]);
  });
});
