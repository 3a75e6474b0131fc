import type { TenantTransaction } from '@candor/platform-database';

export interface StoreRef {
  /** Candor's store id. */
  id: string;
  /** The id the store's evidence uses (the bundle's `storeId`). */
  externalId: string;
  timeZone: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant's store named by `ref`: Candor's store id (a uuid) or the store's external id (what
 * bundles call it). `visibleIds` narrows it to the stores a caller may see; an invisible store is
 * simply not found.
 */
export async function findStoreRef(
  tx: TenantTransaction,
  ref: string,
  visibleIds: readonly string[] | null = null,
): Promise<StoreRef | null> {
  const byId = UUID.test(ref);
  const rows = await tx.query<StoreRef>(
    `SELECT id, external_id AS "externalId", time_zone AS "timeZone" FROM store
     WHERE ${byId ? 'id = $1::uuid' : 'external_id = $1'}
       AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
     ORDER BY id LIMIT 1`,
    [byId ? ref.toLowerCase() : ref, visibleIds === null ? null : [...visibleIds]],
  );
  if (rows[0] || !byId) return rows[0] ?? null;
  // A store whose external id happens to look like a uuid.
  const [byExternal] = await tx.query<StoreRef>(
    `SELECT id, external_id AS "externalId", time_zone AS "timeZone" FROM store
     WHERE external_id = $1 AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
    [ref, visibleIds === null ? null : [...visibleIds]],
  );
  return byExternal ?? null;
}
