import { Injectable } from '@nestjs/common';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import {
  type ConnectionShape,
  decodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import { FindingRepository, type ReportKey } from '@candor/reports-data-access';
import { METRIC_IDS } from '@candor/scoring';
import type { FindingsArgs } from './dto/scorecard.args';
import type { Finding } from './models/finding.model';
import { resolvePeriod } from './period-input';
import { decodeAgentId, ownUserIds, visibleStores } from './report-access';
import { ReportsException } from './reports.exception';
import { STORE_ID_TYPE, toFinding } from './scorecard.mapper';
import { ScorecardService } from './scorecard.service';

/**
 * Findings of one period across the stores a caller sees (or one store, or one agent), in
 * report order. For one store a period never graded before is graded first; across stores only
 * materialized reports are read, so a page costs a bounded number of statements.
 */
@Injectable()
export class FindingService {
  constructor(
    private readonly db: TenantDb,
    private readonly findings: FindingRepository,
    private readonly scorecards: ScorecardService,
  ) {}

  list(ctx: TenantContext, args: FindingsArgs): Promise<ConnectionShape<Finding>> {
    const request = pageRequest(args);
    const agent = args.agentId ? decodeAgentId(args.agentId) : null;
    const storeId = args.storeId ? decodeId(STORE_ID_TYPE, args.storeId, 'storeId') : null;
    if (agent && storeId && agent.storeId !== storeId) {
      throw ReportsException.invalid([
        { field: 'agentId', message: 'is an agent of another store' },
      ]);
    }
    const unknown = (args.metricIds ?? []).filter(
      (m) => !(METRIC_IDS as readonly string[]).includes(m),
    );
    if (unknown.length > 0) {
      throw ReportsException.invalid([
        { field: 'metricIds', message: `not metric ids: ${unknown.join(', ')}` },
      ]);
    }
    const cursor = request.cursorKey;
    if (cursor && (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'number')) {
      const field = request.direction === 'forward' ? 'after' : 'before';
      throw ReportsException.invalid([{ field, message: 'not a valid cursor' }]);
    }
    return this.db.run(ctx, async (tx) => {
      const only = agent?.storeId ?? storeId;
      const stores = await visibleStores(tx, ctx, only ? [only] : null);
      if (only && stores.length === 0) throw ReportsException.storeNotFound();
      const now = this.scorecards.now();
      const periods = new Map(
        stores.map((s) => [s.id, resolvePeriod(args.period, s.timeZone, now)]),
      );
      const keys: ReportKey[] = [...periods].map(([id, period]) => ({ storeId: id, period }));
      if (only && stores[0]) {
        const policy = await this.scorecards.policyFor(tx, stores[0].id);
        await this.scorecards.reportOf(tx, stores[0], periods.get(stores[0].id)!, policy);
      }
      const ownWork = ownWorkPairs(
        ctx,
        stores.map((s) => s.id),
      );
      const { rows, totalCount } = await this.findings.page(
        tx,
        {
          reports: keys,
          ownWork,
          userIds: agent ? [agent.userId] : null,
          metricIds: args.metricIds ?? null,
          severities: args.severities ?? null,
          leadId: args.leadId ?? null,
        },
        {
          limit: request.limit,
          direction: request.direction,
          after: cursor as [string, number] | null,
        },
      );
      return toConnection(
        request,
        rows,
        totalCount,
        (f) => [f.storeId, f.seq],
        (f) => toFinding(f, periods.get(f.storeId)?.label ?? ''),
      );
    });
  }
}

/** A dealer agent's (store, CRM id) pairs across these stores; null for everyone else. */
function ownWorkPairs(
  ctx: TenantContext,
  storeIds: readonly string[],
): { storeIds: string[]; userIds: string[] } | null {
  if (ctx.role !== 'dealer_agent') return null;
  const pairs = { storeIds: [] as string[], userIds: [] as string[] };
  for (const id of storeIds) {
    for (const user of ownUserIds(ctx, id) ?? []) {
      pairs.storeIds.push(id);
      pairs.userIds.push(user);
    }
  }
  return pairs;
}
