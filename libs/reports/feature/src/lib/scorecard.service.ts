import { Inject, Injectable } from '@nestjs/common';
import type { TenantContext } from '@candor/platform-auth';
import {
  TenantCache,
  TenantChanges,
  TenantDb,
  type TenantTransaction,
} from '@candor/platform-database';
import { decodeId } from '@candor/platform-graphql';
import {
  FindingRepository,
  gradePeriod,
  ReportRepository,
  type StoreSettingsRow,
  type StoredReport,
} from '@candor/reports-data-access';
import { type Period, periodsUpTo } from '@candor/reports-domain';
import { METRIC_IDS, type MetricId, type Policy } from '@candor/scoring';
import type {
  AgentScorecardArgs,
  MetricTrendArgs,
  RegradeArgs,
  StoreScorecardArgs,
} from './dto/scorecard.args';
import type { MetricTrend } from './models/metric-trend.model';
import { PeriodGranularity } from './models/period.model';
import type { RegradeResult } from './models/regrade.model';
import type { AgentScorecard, StoreScorecard } from './models/scorecard.model';
import { resolvePeriod } from './period-input';
import {
  decodeAgentId,
  ownUserIds,
  seesStore,
  visibleStore,
  visibleStoreById,
} from './report-access';
import { REPORTS_OPTIONS, type ReportsOptions } from './reports.options';
import { ReportsException } from './reports.exception';
import { STORE_ID_TYPE, toMetric, toPeriod, toScorecard } from './scorecard.mapper';

const MAX_TREND_PERIODS = 60;
/** Backstop only: a change of the rows behind a view is announced by NOTIFY and drops it. */
const VIEW_TTL_MS = 60_000;

/**
 * Scorecards are read from the materialized reports; a period nobody asked for before is graded
 * on first read and stored, and a custom window whose evidence changed is graded again.
 */
@Injectable()
export class ScorecardService {
  /** Store settings (time zone, name) per (consultancy, store), for resolving periods. */
  private readonly storeRows: TenantCache<StoreSettingsRow>;
  /** Assembled scorecards per (consultancy, store, period, viewer's own work), see below. */
  private readonly views: TenantCache<StoreScorecard>;

  constructor(
    private readonly db: TenantDb,
    private readonly reports: ReportRepository,
    private readonly findings: FindingRepository,
    @Inject(REPORTS_OPTIONS) private readonly options: ReportsOptions,
    changes: TenantChanges,
  ) {
    this.storeRows = new TenantCache(changes, VIEW_TTL_MS);
    this.views = new TenantCache(changes, VIEW_TTL_MS);
  }

  now(): number {
    return this.options.now?.() ?? Date.now();
  }

  policyFor(tx: TenantTransaction, storeId: string): Promise<Policy> {
    return this.options.policyFor(tx, storeId);
  }

  /** The policies of many stores, in as few statements as the provider allows. */
  async policiesFor(
    tx: TenantTransaction,
    storeIds: readonly string[],
  ): Promise<Map<string, Policy>> {
    if (this.options.policiesFor) return this.options.policiesFor(tx, storeIds);
    const policies = new Map<string, Policy>();
    for (const id of storeIds) policies.set(id, await this.policyFor(tx, id));
    return policies;
  }

  /** The stored report of a period, graded now when there is none (or a stale custom one). */
  async reportOf(
    tx: TenantTransaction,
    store: StoreSettingsRow,
    period: Period,
    policy: Policy,
    known?: StoredReport | null,
  ): Promise<StoredReport> {
    const stored =
      known === undefined ? await this.reports.find(tx, { storeId: store.id, period }) : known;
    if (stored && !(stored.stale && period.granularity === 'custom')) return stored;
    return (await gradePeriod(tx, store, period, policy, this.now(), this.reports)).report;
  }

  /** The API's view of a report for this caller (a dealer agent's narrowed to their work). */
  async view(
    tx: TenantTransaction,
    ctx: TenantContext,
    store: StoreSettingsRow,
    report: StoredReport,
    policy: Policy,
  ): Promise<StoreScorecard> {
    const own = ownUserIds(ctx, store.id);
    const findingCount = own
      ? await this.findings.count(tx, {
          reports: [{ storeId: store.id, period: periodOf(report) }],
          ownWork: { storeIds: own.map(() => store.id), userIds: own },
          userIds: null,
          metricIds: null,
          severities: null,
          leadId: null,
        })
      : 0;
    return toScorecard(report, store.name, policy, own ? { userIds: own, findingCount } : null);
  }

  /**
   * A store's scorecard. The caller's store access is checked on every request, in memory; the
   * assembled view is cached per (consultancy, store, period, the viewer's own work: a dealer
   * agent's CRM user ids, or everyone's) and filled only by this RLS-scoped read. Any write to
   * the consultancy's stores, reports, findings, policies or agent links drops its views (NOTIFY,
   * migration 1763900001000). Custom windows are not cached: a stale one is graded again.
   */
  async storeScorecard(ctx: TenantContext, args: StoreScorecardArgs): Promise<StoreScorecard> {
    const storeId = decodeId(STORE_ID_TYPE, args.storeId, 'storeId');
    if (!seesStore(ctx, storeId)) throw ReportsException.storeNotFound();
    const load = () =>
      this.db.run(ctx, async (tx) => {
        const store = await visibleStoreById(tx, ctx, storeId);
        const period = resolvePeriod(args.period, store.timeZone, this.now());
        const policy = await this.policyFor(tx, store.id);
        const report = await this.reportOf(tx, store, period, policy);
        return this.view(tx, ctx, store, report, policy);
      });
    const store = await this.storeRows.get(ctx.consultancyId, storeId, () =>
      this.db.run(ctx, (tx) => visibleStoreById(tx, ctx, storeId)),
    );
    const period = resolvePeriod(args.period, store.timeZone, this.now());
    if (period.granularity === 'custom') return load();
    const own = ownUserIds(ctx, storeId);
    const viewer = own ? `own:${JSON.stringify(own)}` : 'all';
    const key = `${storeId}|${period.granularity}|${period.start}|${period.end}|${viewer}`;
    return this.views.get(ctx.consultancyId, key, load);
  }

  agentScorecard(ctx: TenantContext, args: AgentScorecardArgs): Promise<AgentScorecard> {
    const { storeId, userId } = decodeAgentId(args.agentId);
    return this.db.run(ctx, async (tx) => {
      const store = await visibleStoreById(tx, ctx, storeId).catch(() => {
        throw ReportsException.agentNotFound();
      });
      const own = ownUserIds(ctx, store.id);
      if (own && !own.includes(userId)) throw ReportsException.agentNotFound();
      const period = resolvePeriod(args.period, store.timeZone, this.now());
      const policy = await this.policyFor(tx, store.id);
      const report = await this.reportOf(tx, store, period, policy);
      const agent = toScorecard(report, store.name, policy, null).agentList.find(
        (a) => a.userId === userId,
      );
      if (!agent) throw ReportsException.agentNotFound();
      return agent;
    });
  }

  metricTrend(ctx: TenantContext, args: MetricTrendArgs): Promise<MetricTrend> {
    if (!(METRIC_IDS as readonly string[]).includes(args.metricId)) {
      throw ReportsException.invalid([{ field: 'metricId', message: 'is not a metric id' }]);
    }
    if (args.granularity === PeriodGranularity.CUSTOM) {
      throw ReportsException.invalid([
        { field: 'granularity', message: 'must be DAY, WEEK or MONTH' },
      ]);
    }
    const count = args.periods ?? 12;
    if (!Number.isInteger(count) || count < 1 || count > MAX_TREND_PERIODS) {
      throw ReportsException.invalid([
        { field: 'periods', message: `must be between 1 and ${MAX_TREND_PERIODS}` },
      ]);
    }
    const metricId = args.metricId as MetricId;
    const granularity = args.granularity;
    return this.db.run(ctx, async (tx) => {
      const store = await visibleStore(tx, ctx, args.storeId);
      const periods = periodsUpTo(granularity, this.now(), count, store.timeZone);
      const policy = await this.policyFor(tx, store.id);
      const stored = await this.reports.series(
        tx,
        store.id,
        granularity,
        periods[0]!.start,
        periods[count - 1]!.end,
      );
      const byStart = new Map(stored.map((r) => [r.periodStart.getTime(), r]));
      const own = ownUserIds(ctx, store.id);
      const points = [];
      for (const period of periods) {
        const report = await this.reportOf(
          tx,
          store,
          period,
          policy,
          byStart.get(period.start) ?? null,
        );
        const agent = own ? report.body.agents.find((a) => own.includes(a.userId)) : null;
        const metrics = own ? agent?.metrics : report.body.metrics;
        const m = metrics
          ? toMetric(metricId, metrics, null)
          : { value: null, n: 0, subscore: null };
        points.push({ period: toPeriod(report), value: m.value, n: m.n, subscore: m.subscore });
      }
      return { metricId, points };
    });
  }

  regrade(ctx: TenantContext, args: RegradeArgs): Promise<RegradeResult> {
    return this.db.run(ctx, async (tx) => {
      const store = await visibleStore(tx, ctx, args.storeId);
      if (!args.period) return { graded: 0, queued: await this.reports.markAllStale(tx, store.id) };
      const period = resolvePeriod(args.period, store.timeZone, this.now());
      const policy = await this.policyFor(tx, store.id);
      await gradePeriod(tx, store, period, policy, this.now(), this.reports);
      return { graded: 1, queued: 0 };
    });
  }
}

function periodOf(report: StoredReport): Period {
  return {
    granularity: report.granularity,
    start: report.periodStart.getTime(),
    end: report.periodEnd.getTime(),
    label: report.label,
  };
}
