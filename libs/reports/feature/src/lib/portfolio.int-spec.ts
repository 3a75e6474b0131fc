import type { DataSource, Logger } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFrom, type TenantContext } from '@candor/platform-auth';
import { runInTenant, TenantChanges, TenantDb } from '@candor/platform-database';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import {
  FindingRepository,
  gradePeriod,
  loadStoreSettings,
  ReportRepository,
} from '@candor/reports-data-access';
import { periodOfDate, previousPeriod } from '@candor/reports-domain';
import { DEFAULT_POLICY } from '@candor/scoring';
import { StoreRepository, TENANCY_ENTITIES } from '@candor/tenancy-data-access';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { PeriodGranularity } from './models/period.model';
import { PortfolioService } from './portfolio.service';
import { ScorecardService } from './scorecard.service';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const WEEK = { granularity: PeriodGranularity.WEEK, date: '2026-03-09' };

/** Counts the statements the portfolio sends to PostgreSQL, to catch N+1 queries. */
class StatementCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  // Nothing but statements is counted.
  logQueryError = () => undefined;
  logQuerySlow = () => undefined;
  logSchemaBuild = () => undefined;
  logMigration = () => undefined;
  log = () => undefined;
}

describe('portfolio cost', () => {
  let ds: DataSource;
  let counted: DataSource;
  const counter = new StatementCounter();
  let big: TestTenant;
  let small: TestTenant;
  let service: PortfolioService;

  async function materialize(t: TestTenant): Promise<void> {
    await runInTenant(ds, t, async (tx) => {
      for (const store of await loadStoreSettings(tx, t.storeIds)) {
        const week = periodOfDate('week', WEEK.date, store.timeZone);
        for (const p of [week, previousPeriod(week, store.timeZone)]) {
          await gradePeriod(tx, store, p, DEFAULT_POLICY, NOW);
        }
      }
    });
  }

  const ownerOf = (t: TestTenant): TenantContext =>
    contextFrom(t.ownerId, t.consultancyId, { role: 'consultancy_owner', storeIds: [] });

  async function statementsFor(ctx: TenantContext, first: number) {
    counter.count = 0;
    const page = await service.list(ctx, { first, period: WEEK });
    return { page, statements: counter.count };
  }

  beforeAll(async () => {
    ds = await appDataSource();
    counted = await appDataSource({ logger: counter, entities: TENANCY_ENTITIES });
    big = await newTenant(ds, { stores: 50 });
    small = await newTenant(ds, { stores: 5 });
    await materialize(big);
    await materialize(small);
    const db = new TenantDb(counted);
    const reports = new ReportRepository();
    const scorecards = new ScorecardService(
      db,
      reports,
      new FindingRepository(),
      {
        policyFor: () => Promise.resolve(DEFAULT_POLICY),
        policiesFor: (_tx, ids) => Promise.resolve(new Map(ids.map((id) => [id, DEFAULT_POLICY]))),
        now: () => NOW,
      },
      new TenantChanges(testDatabase().appUrl),
    );
    service = new PortfolioService(db, new StoreRepository(), reports, scorecards);
  });

  afterAll(async () => {
    await counted.destroy();
    await ds.destroy();
  });

  it('a page of 50 stores costs as few statements as a page of 5 (no N+1)', async () => {
    const five = await statementsFor(ownerOf(big), 5);
    const fifty = await statementsFor(ownerOf(big), 50);
    expect(five.page.nodes).toHaveLength(5);
    expect(fifty.page.nodes).toHaveLength(50);
    expect(fifty.page.totalCount).toBe(50);
    expect(fifty.statements).toBe(five.statements);
    // Transaction, tenant, store count and page, both periods' reports, commit.
    expect(fifty.statements).toBeLessThanOrEqual(8);
  });

  it('each tenant sees its own stores only', async () => {
    const { page } = await statementsFor(ownerOf(small), 50);
    expect(page.totalCount).toBe(5);
    expect(page.nodes.map((n) => n.store.externalId).sort()).toEqual(
      [...small.storeExternalIds].sort(),
    );
  });
});
