import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle, loadStoreEvidence } from '@candor/evidence-data-access';
import { runInTenant, type TenantTransaction } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { judgedAt, type Period, periodOfDate } from '@candor/reports-domain';
import { DEFAULT_POLICY, gradeStore } from '@candor/scoring';
import { addStore, newTenant, type TestTenant } from '@candor/tenancy-testing';
import { loadStoreSettings, withStoreSettings } from './graded-store-profile';
import { evidenceSpan, refreshStore, type StoreRefresh } from './report-refresher';
import { ReportRepository } from './report.repository';

const FIXTURE = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures');
const CHI = 'America/Chicago';
// Saturday 2026-03-07, 8 pm in Chicago: the day, week W10 and March are still running.
const SATURDAY = Date.parse('2026-03-07T20:00:00-06:00');

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

describe('a refresh reads evidence once and computes each lead once per moment', () => {
  let ds: DataSource;
  let a: TestTenant;
  let storeId: string;
  let dir: string;
  const inA = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, a, work);
  const refresh = (now: number, runningMinutes?: number) =>
    inA((tx) =>
      refreshStore(tx, storeId, {
        now,
        policyFor: () => Promise.resolve(DEFAULT_POLICY),
        ...(runningMinutes === undefined ? {} : { runningMinutes }),
      }),
    );

  /** Each saved report, graded again on its own (its own load, nothing shared). */
  const alone = (result: StoreRefresh, now: number) =>
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
        const evidence = await loadStoreEvidence(tx, storeId, evidenceSpan(period, now));
        const { findings, ...body } = gradeStore(
          withStoreSettings(evidence!, store!),
          DEFAULT_POLICY,
          { from: period.start, to: period.end, asOf: judgedAt(period, now) },
        );
        out.push({ label: report.label, body, findings: findings.length });
      }
      return out;
    });
  const stored = (result: StoreRefresh) =>
    result.saved.map(({ report }) => ({
      label: report.label,
      body: report.body,
      findings: report.findingCount,
    }));

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    storeId = await addStore(ds, a, {
      externalId: 'smith-toyota',
      name: 'Smith Toyota',
      timeZone: CHI,
    });
    dir = mkdtempSync(join(tmpdir(), 'candor-refresh-'));
    await importBundle(ds, a, {
      store: storeId,
      input: { kind: 'file', path: join(FIXTURE, 'hand-written.jsonl') },
    });
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
  });

  it('every report equals the same period graded on its own', async () => {
    const first = await refresh(SATURDAY);
    expect(first.saved.map((s) => s.report.label)).toEqual(
      expect.arrayContaining(['2026-02-20', '2026-02', '2026-03-02', '2026-03-07', '2026-W10']),
    );
    expect(stored(first)).toEqual(await alone(first, SATURDAY));
  });

  it('the running day, week and month share their leads: each computed once, not three times', async () => {
    // Running reports are due again once they have aged (here: at once).
    const later = SATURDAY + 20 * 60_000;
    const running = await refresh(later, 0);
    expect(running.saved.map((s) => s.report.label).sort()).toEqual([
      '2026-03',
      '2026-03-07',
      '2026-W10',
    ]);
    // All seven leads arrived within the 90 days each of the three reads, and by 8 pm.
    expect(running.recomputedLeads).toBe(7);
    expect(stored(running)).toEqual(await alone(running, later));
  });

  it('late evidence of a lead gives the same reports as grading each period alone', async () => {
    const path = join(dir, 'late-call.jsonl');
    writeFileSync(path, `${LATE_CALL}\n`);
    const before = await inA((tx) =>
      new ReportRepository().find(tx, { storeId, period: periodOfDate('week', '2026-03-02', CHI) }),
    );
    await importBundle(ds, a, { store: storeId, input: { kind: 'file', path } });
    const sunday = Date.parse('2026-03-08T09:00:00-06:00');
    const late = await refresh(sunday);
    expect(stored(late)).toEqual(await alone(late, sunday));
    // The call made a difference a user sees: the week's report changed.
    const week = late.saved.find((s) => s.report.label === '2026-W10')!;
    expect(week.report.body).not.toEqual(before!.body);
  });
});
