import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { StoreEntity } from '@candor/tenancy-data-access';
import { Store, toStoreModel } from '@candor/tenancy-feature';

/** Stores by Candor id, one query per request tick, limited to the stores the caller sees. */
@Injectable()
export class StoreLoader {
  private readonly loaders = new WeakMap<TenantContext, DataLoader<string, Store | null>>();

  constructor(private readonly db: TenantDb) {}

  load(ctx: TenantContext, storeId: string): Promise<Store | null> {
    let loader = this.loaders.get(ctx);
    if (!loader) {
      loader = new DataLoader((ids) => this.batch(ctx, ids));
      this.loaders.set(ctx, loader);
    }
    return loader.load(storeId);
  }

  private async batch(ctx: TenantContext, ids: readonly string[]): Promise<(Store | null)[]> {
    const visible = ids.filter((id) => ctx.stores.all || ctx.stores.ids.includes(id));
    const rows =
      visible.length === 0
        ? []
        : await this.db.run(ctx, (tx) =>
            tx.manager.getRepository(StoreEntity).findBy({ id: In(visible) }),
          );
    const byId = new Map(rows.map((s) => [s.id, toStoreModel(s)]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
