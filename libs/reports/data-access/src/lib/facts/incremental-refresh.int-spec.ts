import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle, loadStoreEvidence } from '@candor/evidence-data-access';
import { runInTenant, type TenantTransaction } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { judgedAt, type Period } from '@candor/reports-domain';
import { DEFAULT_POLICY, gradeStore } from '@candor/scoring';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { loadStoreSettings, withStoreSettings } from '../graded-store-profile';
import { evidenceSpan, refreshStore, type StoreRefresh } from '../report-refresher';
import { ReportRepository } from '../report.repository';

const FIXTURE = join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures');
const CHI = 'America/Chicago';
// Six weeks after the fixture's March: its days, weeks and months are over and recent.
const NOW = Date.parse('2026-04-15T12:00:00Z');

/** A call that reached Pat (lead L1) the day after the lead came in. */
const LATE_CALL = JSON.stringify({
  type: 'activity',
  id: 'C-late',
  storeId: 'smith-toyota',
  leadId: 'L1',
  channel: 'call',
  direction: 'outbound',
  evidence: 'recorded',
  at: '2026-03-03T10:00:00-06:00',
  userId: 'u-dana',
  from: '+13125550100',
  to: '+13125559876',
  durationSec: 240,
  answeredBy: 'human',
  outcome: 'connected',
  automated: false,
});

describe('refreshing reports recomputes only the leads whose evidence changed', () => {
  let ds: DataSource;
  let a: TestTenant;
  let storeId: string;
  let dir: string;
  const inA = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, a, work);
  const refresh = (policy = DEFAULT_POLICY) =>
    inA((tx) => refreshStore(tx, storeId, { now: NOW, policyFor: () => Promise.resolve(policy) }));
  const queue = (lead: string) =>
    inA((tx) =>
      tx.query(
        `INSERT INTO lead_regrade_queue (consultancy_id, store_id, lead_external_id)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [a.consultancyId, storeId, lead],
      ),
    );

  /** Each saved report, graded again from scratch (no cache) from what is stored now. */
  const fromScratch = (result: StoreRefresh) =>
    inA(async (tx) => {
      const [store] = await loadStoreSettings(tx, [storeId]);
      const out = [];
      for (const { report } of result.saved) {
        const period: Period = {
          granularity: report.granularity,
          start: report.periodStart.getTime(),
          end: report.periodEnd.getTime(),
          label: report.label,
        };
        const evidence = await loadStoreEvidence(tx, storeId, evidenceSpan(period, NOW));
        const { findings, ...body } = gradeStore(
          withStoreSettings(evidence!, store!),
          DEFAULT_POLICY,
          { from: period.start, to: period.end, asOf: judgedAt(period, NOW) },
        );
        out.push({ body, findings: findings.length });
      }
      return out;
    });
  const stored = (result: StoreRefresh) =>
    result.saved.map(({ report }) => ({ body: report.body, findings: report.findingCount }));

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    storeId = randomUUID();
    dir = mkdtempSync(join(tmpdir(), 'candor-facts-'));
    await inA((tx) =>
      tx.query(
        `INSERT INTO store (consultancy_id, id, external_id, name, time_zone, business_hours)
         VALUES ($1, $2, 'smith-toyota', 'Smith Toyota', $3, 'null')`,
        [a.consultancyId, storeId, CHI],
      ),
    );
    await importBundle(ds, a, {
      store: storeId,
      input: { kind: 'file', path: join(FIXTURE, 'hand-written.jsonl') },
    });
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
  });

  it('a first refresh computes every lead and keeps the facts of its final reports', async () => {
    const first = await refresh();
    expect(first.saved.length).toBeGreaterThan(3);
    expect(first.recomputedLeads).toBeGreaterThan(0);
    expect(stored(first)).toEqual(await fromScratch(first));
    const caches = await inA((tx) =>
      tx.query<{ leads: number }>(
        'SELECT lead_count AS leads FROM report_fact_cache WHERE store_id = $1',
        [storeId],
      ),
    );
    expect(caches).toHaveLength(first.saved.length);
  });

  it('a lead queued again with unchanged evidence is graded without recomputing anything', async () => {
    await queue('L1');
    const again = await refresh();
    expect(again.saved.length).toBeGreaterThan(0);
    expect(again.recomputedLeads).toBe(0);
    expect(stored(again)).toEqual(await fromScratch(again));
  });

  it('new evidence of one lead recomputes that lead alone, in every report that reads it', async () => {
    const path = join(dir, 'late-call.jsonl');
    writeFileSync(path, `${LATE_CALL}\n`);
    const before = await inA((tx) =>
      new ReportRepository().series(tx, storeId, 'week', Date.parse('2026-03-01'), NOW),
    );
    await importBundle(ds, a, { store: storeId, input: { kind: 'file', path } });
    const late = await refresh();
    // Every report that reads L1 was graded again, each recomputing at most L1 (not even that
    // where it is judged before the call was made: the day of March 2 cannot see it).
    expect(late.saved.map((s) => s.report.label)).toContain('2026-03-02');
    expect(late.recomputedLeads).toBeGreaterThan(0);
    expect(late.recomputedLeads).toBeLessThan(late.saved.length);
    const after = stored(late);
    expect(after).toEqual(await fromScratch(late));
    // And the call made a difference a user sees: the week's report changed.
    const week = late.saved.find((s) => s.report.label === '2026-W10')!;
    expect(week.report.body).not.toEqual(before.find((r) => r.label === '2026-W10')!.body);
  });

  it('another policy recomputes every lead (facts depend on it)', async () => {
    const strict = { ...DEFAULT_POLICY, version: 'c9', clockStopGraceMin: 0 };
    const regraded = await refresh(strict);
    const leads = await inA((tx) =>
      tx.query<{ leads: number }>(
        `SELECT sum(lead_count)::int AS leads FROM report_fact_cache WHERE store_id = $1`,
        [storeId],
      ),
    );
    expect(regraded.saved.length).toBeGreaterThan(0);
    // Periods judged at the same moment share their leads' facts, so fewer than the total.
    expect(regraded.recomputedLeads).toBeGreaterThan(0);
    expect(regraded.recomputedLeads).toBeLessThanOrEqual(leads[0]!.leads);
    expect(regraded.saved.every((s) => s.report.policyVersion === 'c9')).toBe(true);
  });

  it('another tenant sees none of the cached facts and cannot write any', async () => {
    const b = await newTenant(ds, { stores: 0 });
    const inB = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, b, work);
    expect(await inB((tx) => tx.query('SELECT 1 FROM report_fact_cache'))).toHaveLength(0);
    const [report] = await inA((tx) =>
      tx.query<{ id: string }>('SELECT report_id AS id FROM report_fact_cache LIMIT 1'),
    );
    await expect(
      inB((tx) =>
        tx.query(
          `INSERT INTO report_fact_cache (consultancy_id, report_id, store_id, period_end,
             lead_count, format, facts) VALUES ($1, $2, $3, now(), 0, 'x', '\\x00')`,
          [a.consultancyId, report!.id, storeId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await inB((tx) => tx.query('DELETE FROM report_fact_cache RETURNING report_id')),
    ).toHaveLength(0);
  });
});
