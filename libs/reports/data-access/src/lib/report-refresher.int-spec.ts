import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '@candor/evidence-data-access';
import { readBundleByStore } from '@candor/evidence-reader';
import { runInTenant, type TenantTransaction } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { periodOfDate } from '@candor/reports-domain';
import { DEFAULT_POLICY, grade } from '@candor/scoring';
import { addStore, newTenant, type TestTenant } from '@candor/tenancy-testing';
import { effectivePolicy, savePolicyVersion } from '@candor/policy-data-access';
import { findDueRefreshes } from './due-refreshes.query';
import { FindingRepository } from './finding.repository';
import { refreshStore } from './report-refresher';
import { ReportRepository } from './report.repository';

const FIXTURE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'hand-written.jsonl',
);
const CHI = 'America/Chicago';
const NOW = Date.parse('2026-12-01T12:00:00Z');
const policyFor = () => Promise.resolve(DEFAULT_POLICY);
const W10 = periodOfDate('week', '2026-03-02', CHI);
const SMITH = { externalId: 'smith-toyota', name: 'Smith Toyota', timeZone: CHI };

async function storeWithFixture(ds: DataSource, tenant: TestTenant): Promise<string> {
  const storeId = await addStore(ds, tenant, SMITH);
  await importBundle(ds, tenant, { store: storeId, input: { kind: 'file', path: FIXTURE } });
  return storeId;
}

describe('materialized reports', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeId: string;
  const reports = new ReportRepository();
  const inA = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, a, work);

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    storeId = await storeWithFixture(ds, a);
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it('an import queues its leads; a refresh grades the day, week and month each arrived in', async () => {
    const result = await inA((tx) => refreshStore(tx, storeId, { now: NOW, policyFor }));
    expect(result.leads).toBe(7);
    const labels = result.saved.map((s) => `${s.report.granularity} ${s.report.label}`);
    expect(labels).toEqual(
      expect.arrayContaining([
        'day 2026-02-20',
        'day 2026-03-02',
        'day 2026-03-07',
        'week 2026-W10',
        'month 2026-03',
        'month 2026-02',
      ]),
    );
    expect(new Set(labels).size).toBe(labels.length);
    const pending = await inA((tx) =>
      tx.query('SELECT 1 FROM lead_regrade_queue WHERE store_id = $1', [storeId]),
    );
    expect(pending).toHaveLength(0);
  });

  it('a stored week equals `candor grade` of the bundle over that week, findings included', async () => {
    const stored = await inA((tx) => reports.find(tx, { storeId, period: W10 }));
    const { stores } = await readBundleByStore(FIXTURE);
    const expected = grade(stores.values(), {
      window: { from: W10.start, to: W10.end, asOf: W10.end },
    }).stores[0]!;
    const { findings, ...body } = expected;
    expect(stored).toMatchObject({ policyVersion: 'default-1', stale: false });
    expect(stored!.body).toEqual(body);
    expect(stored!.overallScore).toBe(expected.overall.score);
    expect(stored!.asOf.getTime()).toBe(W10.end);
    const page = await inA((tx) =>
      new FindingRepository().page(
        tx,
        {
          reports: [{ storeId, period: W10 }],
          userIds: null,
          metricIds: null,
          severities: null,
          leadId: null,
          ownWork: null,
        },
        { limit: 100, direction: 'forward', after: null },
      ),
    );
    expect(page.totalCount).toBe(findings.length);
    expect(
      page.rows.map(({ metricId, severity, leadId, userId, eventIds, message }) => ({
        metricId,
        severity,
        ...(leadId ? { leadId } : {}),
        ...(userId ? { userId } : {}),
        eventIds,
        message,
      })),
    ).toEqual(findings);
  });

  it('refreshing again with nothing new grades nothing, and findings keep their identity', async () => {
    const before = await inA((tx) =>
      tx.query<{ finding_key: string; first_seen_at: Date }>(
        'SELECT finding_key, first_seen_at FROM report_finding ORDER BY finding_key',
      ),
    );
    const idle = await inA((tx) => refreshStore(tx, storeId, { now: NOW, policyFor }));
    expect(idle.saved).toHaveLength(0);
    // The same evidence queued again (as a re-import of a changed record would) is graded
    // again, and every finding is the one found before, not a new one.
    await inA((tx) =>
      tx.query(
        `INSERT INTO lead_regrade_queue (consultancy_id, store_id, lead_external_id)
                VALUES ($1, $2, 'L1')`,
        [a.consultancyId, storeId],
      ),
    );
    const again = await inA((tx) => refreshStore(tx, storeId, { now: NOW, policyFor }));
    expect(again.saved.map((s) => s.report.label)).toEqual(
      expect.arrayContaining(['2026-03-02', '2026-W10', '2026-03']),
    );
    expect(again.saved.flatMap((s) => s.newFindings)).toEqual([]);
    const after = await inA((tx) =>
      tx.query('SELECT finding_key, first_seen_at FROM report_finding ORDER BY finding_key'),
    );
    expect(after).toEqual(before);
  });

  it('a policy with another version makes every calendar report due again', async () => {
    const strict = { ...DEFAULT_POLICY, version: 'c1', clockStopGraceMin: 0 };
    const result = await inA((tx) =>
      refreshStore(tx, storeId, { now: NOW, policyFor: () => Promise.resolve(strict) }),
    );
    const total = await inA((tx) =>
      tx.query('SELECT 1 FROM store_report WHERE store_id = $1', [storeId]),
    );
    expect(result.saved).toHaveLength(total.length);
    expect(result.saved.every((s) => s.report.policyVersion === 'c1')).toBe(true);
  });

  it('another tenant reads none of it and cannot write into it', async () => {
    const inB = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, b, work);
    expect(await inB((tx) => reports.find(tx, { storeId, period: W10 }))).toBeNull();
    expect(await inB((tx) => tx.query('SELECT 1 FROM store_report'))).toHaveLength(0);
    expect(await inB((tx) => tx.query('SELECT 1 FROM report_finding'))).toHaveLength(0);
    // B's refresh of A's store finds no store (RLS) and grades nothing.
    expect((await inB((tx) => refreshStore(tx, storeId, { now: NOW, policyFor }))).saved).toEqual(
      [],
    );
    await expect(
      inB((tx) =>
        tx.query(
          `INSERT INTO store_report (consultancy_id, store_id, granularity, period_start,
             period_end, label, as_of, policy_version, finding_count, report)
           VALUES ($1, $2, 'day', now(), now() + interval '1 day', 'x', now(), 'v', 0, '{}')`,
          [a.consultancyId, storeId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inB((tx) =>
      tx.query('UPDATE store_report SET stale = true RETURNING id'),
    );
    expect(updated).toHaveLength(0);
  });
});

describe('what makes reports due again', () => {
  let ds: DataSource;
  let t: TestTenant;
  let storeId: string;

  beforeAll(async () => {
    ds = await appDataSource();
    t = await newTenant(ds, { stores: 0 });
    storeId = await storeWithFixture(ds, t);
    await runInTenant(ds, t, (tx) => refreshStore(tx, storeId, { now: NOW, policyFor }));
  });

  afterAll(async () => {
    await ds.destroy();
  });

  const staleCount = async () =>
    (
      await runInTenant(ds, t, (tx) =>
        tx.query('SELECT 1 FROM store_report WHERE store_id = $1 AND stale', [storeId]),
      )
    ).length;

  it('a new policy version, or changed store settings, turn the store’s reports stale and due', async () => {
    expect(await staleCount()).toBe(0);
    expect((await findDueRefreshes(ds, 15)).map((d) => d.storeId)).not.toContain(storeId);
    await runInTenant(ds, t, (tx) =>
      savePolicyVersion(tx, {
        storeId: null,
        overrides: { clockStopGraceMin: 1 },
        note: null,
        createdBy: t.ownerId,
      }),
    );
    expect(await staleCount()).toBeGreaterThan(0);
    expect((await findDueRefreshes(ds, 15)).map((d) => d.storeId)).toContain(storeId);
    const regraded = await runInTenant(ds, t, (tx) =>
      refreshStore(tx, storeId, { now: NOW, policyFor: effectivePolicy }),
    );
    expect(new Set(regraded.saved.map((s) => s.report.policyVersion))).toEqual(new Set(['c1']));
    expect(await staleCount()).toBe(0);
    await runInTenant(ds, t, (tx) =>
      tx.query(`UPDATE store SET phone_numbers = '{+13125550100}' WHERE id = $1`, [storeId]),
    );
    expect(await staleCount()).toBeGreaterThan(0);
  });
});
