import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { actorOf, AuditRecorder, type TenantContext } from '@candor/platform-auth';
import { TenantChanges, TenantDb, type TenantTransaction } from '@candor/platform-database';
import {
  type ConnectionArgs,
  type ConnectionShape,
  decodeId,
  pageRequest,
  toConnection,
} from '@candor/platform-graphql';
import { type StoreEntity, StoreRepository, storeSortKey } from '@candor/tenancy-data-access';
import { newStoreSettings, normalizeStoreSettings } from '@candor/tenancy-domain';
import type { CreateStoreInput, UpdateStoreInput } from './dto/store-settings.input';
import type { Store } from './models/store.model';
import { STORE_ID_TYPE, toSettingsInput, toStoreModel } from './store.mapper';
import { TenancyException } from './tenancy.exception';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class StoreService {
  constructor(
    private readonly db: TenantDb,
    private readonly stores: StoreRepository,
    private readonly audit: AuditRecorder,
    private readonly changes: TenantChanges,
  ) {}

  list(ctx: TenantContext, args: ConnectionArgs): Promise<ConnectionShape<Store>> {
    const request = pageRequest(args);
    return this.db.run(ctx, async (tx) => {
      const page = await this.stores.page(tx, ctx.stores, request);
      return toConnection(request, page.rows, page.totalCount, storeSortKey, toStoreModel);
    });
  }

  /** A store the caller may see; another tenant's or an unassigned store is simply not found. */
  get(ctx: TenantContext, globalId: string): Promise<Store> {
    const id = decodeId(STORE_ID_TYPE, globalId);
    return this.db.run(ctx, async (tx) => {
      const store = await this.stores.findById(tx, ctx.stores, id);
      if (!store) throw TenancyException.storeNotFound();
      return toStoreModel(store);
    });
  }

  async create(ctx: TenantContext, input: CreateStoreInput): Promise<Store> {
    const settings = newStoreSettings(toSettingsInput(input));
    const created = await this.db.run(ctx, async (tx) => {
      await this.assertExternalIdFree(tx, settings.externalId);
      return this.uniquely(settings.externalId, () => this.stores.insert(tx, settings));
    });
    await this.recordChange(ctx, 'store.created', created.id, null, created);
    return toStoreModel(created);
  }

  async update(ctx: TenantContext, globalId: string, input: UpdateStoreInput): Promise<Store> {
    const id = decodeId(STORE_ID_TYPE, globalId);
    const patch = normalizeStoreSettings(toSettingsInput(input));
    const { before, after } = await this.db.run(ctx, async (tx) => {
      const current = await this.stores.findById(tx, ctx.stores, id);
      if (!current) throw TenancyException.storeNotFound();
      if (patch.externalId && patch.externalId !== current.externalId) {
        await this.assertExternalIdFree(tx, patch.externalId);
      }
      const externalId = patch.externalId ?? current.externalId;
      const updated = await this.uniquely(externalId, () => this.stores.update(tx, id, patch));
      return { before: current, after: updated };
    });
    await this.recordChange(ctx, 'store.updated', id, before, after);
    return toStoreModel(after);
  }

  async delete(ctx: TenantContext, globalId: string): Promise<string> {
    const id = decodeId(STORE_ID_TYPE, globalId);
    const removed = await this.db.run(ctx, async (tx) => {
      const visible = await this.stores.findById(tx, ctx.stores, id);
      if (!visible || !(await this.stores.delete(tx, id))) throw TenancyException.storeNotFound();
      return visible;
    });
    // Cached grants name the store's assignments: drop them here too, not only on NOTIFY.
    this.changes.changed(ctx.consultancyId);
    await this.recordChange(ctx, 'store.deleted', id, removed, null);
    return globalId;
  }

  /** The audit trail's before/after of a store change (settings only, no timestamps). */
  private recordChange(
    ctx: TenantContext,
    action: string,
    id: string,
    before: StoreEntity | null,
    after: StoreEntity | null,
  ): Promise<void> {
    const settings = (s: StoreEntity | null) => {
      if (!s) return null;
      const { createdAt: _c, updatedAt: _u, consultancyId: _t, ...rest } = s;
      return rest;
    };
    return this.audit.record({
      consultancyId: ctx.consultancyId,
      actor: actorOf(ctx),
      action,
      entityType: 'store',
      entityId: id,
      before: settings(before),
      after: settings(after),
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
  }

  private async assertExternalIdFree(tx: TenantTransaction, externalId: string): Promise<void> {
    if (await this.stores.findByExternalId(tx, externalId)) {
      throw TenancyException.duplicateExternalId(externalId);
    }
  }

  /** Maps a unique violation that raced past the check above to the same CONFLICT error. */
  private async uniquely<T>(externalId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      const code =
        e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined;
      if (code === UNIQUE_VIOLATION) throw TenancyException.duplicateExternalId(externalId);
      throw e;
    }
  }
}
