import { ownWorkFilter, type TenantContext } from '@candor/platform-auth';
import type { TenantTransaction } from '@candor/platform-database';
import { decodeId, decodeKeyId } from '@candor/platform-graphql';
import { loadStoreSettings, type StoreSettingsRow } from '@candor/reports-data-access';
import { AGENT_ID_TYPE, STORE_ID_TYPE } from './scorecard.mapper';
import { ReportsException } from './reports.exception';

export function seesStore(ctx: TenantContext, storeId: string): boolean {
  return ctx.stores.all || ctx.stores.ids.includes(storeId);
}

/**
 * The stores a caller may see, in one statement (RLS keeps other tenants out; the caller's
 * store access narrows it further). A dealer agent's view is their own work: see ownUserIds.
 */
export async function visibleStores(
  tx: TenantTransaction,
  ctx: TenantContext,
  storeIds: readonly string[] | null,
): Promise<StoreSettingsRow[]> {
  let ids = storeIds;
  if (ids === null) {
    const rows = await tx.query<{ id: string }>(
      'SELECT id FROM store WHERE consultancy_id = $1 ORDER BY id',
      [tx.consultancyId],
    );
    ids = rows.map((r) => r.id);
  }
  return loadStoreSettings(
    tx,
    ids.filter((id) => seesStore(ctx, id)),
  );
}

/** One visible store by its public id; NOT_FOUND otherwise (existence never leaks). */
export async function visibleStore(
  tx: TenantTransaction,
  ctx: TenantContext,
  storeGlobalId: string,
  field = 'storeId',
): Promise<StoreSettingsRow> {
  return visibleStoreById(tx, ctx, decodeId(STORE_ID_TYPE, storeGlobalId, field));
}

export async function visibleStoreById(
  tx: TenantTransaction,
  ctx: TenantContext,
  id: string,
): Promise<StoreSettingsRow> {
  const [store] = await visibleStores(tx, ctx, [id]);
  if (!store) throw ReportsException.storeNotFound();
  return store;
}

/** The store and CRM user id behind an agent id. */
export function decodeAgentId(
  agentId: string,
  field = 'agentId',
): { storeId: string; userId: string } {
  const [storeId, userId] = decodeKeyId(AGENT_ID_TYPE, agentId, 2, field) as [string, string];
  if (!UUID.test(storeId)) {
    throw ReportsException.invalid([{ field, message: `not a valid ${AGENT_ID_TYPE} id` }]);
  }
  return { storeId: storeId.toLowerCase(), userId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dealer agent's own CRM user ids at a store; null for every other role (no restriction). */
export function ownUserIds(ctx: TenantContext, storeId: string): readonly string[] | null {
  return ownWorkFilter(ctx, storeId);
}
