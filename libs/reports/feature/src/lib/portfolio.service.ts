import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { type ConnectionShape, pageRequest, toConnection } from '@candor/platform-graphql';
import { ReportRepository, type StoreSettingsRow } from '@candor/reports-data-access';
import { lowestSubscores, previousPeriod } from '@candor/reports-domain';
import { type StoreEntity, StoreRepository, storeSortKey } from '@candor/tenancy-data-access';
import { toStoreModel } from '@candor/tenancy-feature';
import type { PortfolioArgs } from './dto/scorecard.args';
import type { PortfolioEntry } from './models/portfolio.model';
import { resolvePeriod } from './period-input';
import { ownUserIds } from './report-access';
import { toGrade, toScorecard } from './scorecard.mapper';
import { ScorecardService } from './scorecard.service';

const settingsOf = (s: StoreEntity): StoreSettingsRow => ({
  id: s.id,
  externalId: s.externalId,
  name: s.name,
  names: s.names,
  timeZone: s.timeZone,
  emailDomains: s.emailDomains,
  phoneNumbers: s.phoneNumbers,
  businessHours: s.businessHours,
});

/**
 * A consultant's stores with their grade for a period and the previous one. One page costs a
 * fixed number of statements whatever its size (stores, both periods' reports and policies
 * are each read in one); a period never graded before is graded on first read.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly db: TenantDb,
    private readonly stores: StoreRepository,
    private readonly reports: ReportRepository,
    private readonly scorecards: ScorecardService,
  ) {}

  list(ctx: TenantContext, args: PortfolioArgs): Promise<ConnectionShape<PortfolioEntry>> {
    const request = pageRequest(args);
    return this.db.run(ctx, async (tx) => {
      const page = await this.stores.page(tx, ctx.stores, request);
      const visible = page.rows.slice(0, request.limit);
      const now = this.scorecards.now();
      const wanted = visible.map((s) => {
        const period = resolvePeriod(args.period, s.timeZone, now);
        return { store: s, period, previous: previousPeriod(period, s.timeZone) };
      });
      const stored = await this.reports.findMany(
        tx,
        wanted.flatMap((w) => [
          { storeId: w.store.id, period: w.period },
          { storeId: w.store.id, period: w.previous },
        ]),
      );
      const find = (storeId: string, start: number, end: number) =>
        stored.find(
          (r) =>
            r.storeId === storeId &&
            r.periodStart.getTime() === start &&
            r.periodEnd.getTime() === end,
        ) ?? null;
      const policies = await this.scorecards.policiesFor(
        tx,
        visible.map((s) => s.id),
      );
      const entries = new Map<string, PortfolioEntry>();
      for (const w of wanted) {
        const settings = settingsOf(w.store);
        const policy = policies.get(w.store.id)!;
        const known = find(w.store.id, w.period.start, w.period.end);
        const knownBefore = find(w.store.id, w.previous.start, w.previous.end);
        const current = await this.scorecards.reportOf(tx, settings, w.period, policy, known);
        const before = await this.scorecards.reportOf(
          tx,
          settings,
          w.previous,
          policy,
          knownBefore,
        );
        const own = ownUserIds(ctx, w.store.id);
        const ownView = own ? { userIds: own, findingCount: 0 } : null;
        const now = toScorecard(current, w.store.name, policy, ownView);
        const then = toScorecard(before, w.store.name, policy, ownView);
        entries.set(w.store.id, {
          store: toStoreModel(w.store),
          period: now.period,
          overall: now.overall,
          previous: toGrade(then.overall),
          trend:
            now.overall.score !== null && then.overall.score !== null
              ? now.overall.score - then.overall.score
              : null,
          worstMetrics: lowestSubscores(now.metrics, 3),
          policyVersion: current.policyVersion,
        });
      }
      return toConnection(request, page.rows, page.totalCount, storeSortKey, (s) =>
        entries.get(s.id)!,
      );
    });
  }
}
