import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { loadLeadEvidence } from '@candor/evidence-data-access';
import { ownWorkFilter, type TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { buildLeadViews } from '../lead-view';
import { LEAD_POLICY, type LeadPolicyProvider } from '../lead-policy';
import type { Lead } from '../models/lead.model';

type Key = readonly [storeId: string, leadExternalId: string];

const MAX_BATCH = 200;

function seesStore(ctx: TenantContext, storeId: string): boolean {
  return ctx.stores.all || ctx.stores.ids.includes(storeId);
}

/**
 * Leads by (store, evidence id), batched per request: every `load` of one tick becomes one read
 * per store (loadLeadEvidence), judged as of the request's first load. Returns null for a lead
 * the caller may not see — another tenant's (row-level security hides it), one of a store they
 * cannot see, or, for a dealer agent, one not assigned to one of their CRM user ids — exactly as
 * for a lead that does not exist. Types that point at a lead (findings) resolve it through this.
 */
@Injectable()
export class LeadLoader {
  // Keyed by the request's TenantContext (one object per request), so a loader's cache never
  // outlives its request nor crosses callers.
  private readonly loaders = new WeakMap<TenantContext, DataLoader<Key, Lead | null, string>>();

  constructor(
    private readonly db: TenantDb,
    @Inject(LEAD_POLICY) private readonly policies: LeadPolicyProvider,
  ) {}

  load(ctx: TenantContext, storeId: string, leadExternalId: string): Promise<Lead | null> {
    return this.loaderFor(ctx).load([storeId, leadExternalId]);
  }

  private loaderFor(ctx: TenantContext): DataLoader<Key, Lead | null, string> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      const asOf = Date.now();
      loader = new DataLoader<Key, Lead | null, string>((keys) => this.batch(ctx, keys, asOf), {
        cacheKeyFn: (key) => JSON.stringify(key),
        maxBatchSize: MAX_BATCH,
      });
      this.loaders.set(ctx, loader);
    }
    return loader;
  }

  private async batch(
    ctx: TenantContext,
    keys: readonly Key[],
    asOf: number,
  ): Promise<(Lead | null)[]> {
    const byStore = new Map<string, string[]>();
    for (const [storeId, leadId] of keys) {
      if (!seesStore(ctx, storeId)) continue;
      const ids = byStore.get(storeId);
      if (ids) ids.push(leadId);
      else byStore.set(storeId, [leadId]);
    }
    const found = new Map<string, Lead>();
    if (byStore.size > 0) {
      await this.db.run(ctx, async (tx) => {
        for (const [storeId, leadIds] of byStore) {
          const stored = await loadLeadEvidence(tx, storeId, leadIds);
          if (!stored) continue;
          const policy = await this.policies.policyFor(tx, storeId);
          const own = ownWorkFilter(ctx, storeId);
          for (const [id, lead] of buildLeadViews(stored, storeId, leadIds, policy, asOf)) {
            const agent = lead.assignedAgent?.crmUserId ?? null;
            if (own !== null && (agent === null || !own.includes(agent))) continue;
            found.set(JSON.stringify([storeId, id]), lead);
          }
        }
      });
    }
    return keys.map((key) => found.get(JSON.stringify(key)) ?? null);
  }
}
