import type { StoreEvidence, StoreRecord } from '@candor/evidence-domain';
import type { TenantTransaction } from '@candor/platform-database';

/** A store's settings as kept in Candor (what consultants edit with updateStore). */
export interface StoreSettingsRow {
  id: string;
  externalId: string;
  name: string;
  names: string[];
  timeZone: string;
  emailDomains: string[];
  phoneNumbers: string[];
  businessHours: StoreRecord['businessHours'];
}

export async function loadStoreSettings(
  tx: TenantTransaction,
  storeIds: readonly string[],
): Promise<StoreSettingsRow[]> {
  if (storeIds.length === 0) return [];
  return tx.query<StoreSettingsRow>(
    `SELECT id, external_id AS "externalId", name, names, time_zone AS "timeZone",
       email_domains AS "emailDomains", phone_numbers AS "phoneNumbers",
       business_hours AS "businessHours"
     FROM store WHERE consultancy_id = $1 AND id = ANY($2::uuid[])`,
    [tx.consultancyId, storeIds],
  );
}

/**
 * The store profile a report is graded with: the store's settings in Candor win over the
 * bundle's `store` line, field by field, where they are set (a store created with only a name
 * and a time zone still grades with the domains, lines and hours its evidence brought).
 */
export function withStoreSettings(evidence: StoreEvidence, store: StoreSettingsRow): StoreEvidence {
  const profile = evidence.store;
  const merged: StoreRecord = {
    type: 'store',
    id: store.externalId,
    line: profile?.line ?? 0,
    raw: profile?.raw ?? null,
    name: store.name,
    names: [...new Set([...store.names, ...(profile?.names ?? [])])],
    timeZone: store.timeZone,
    emailDomains:
      store.emailDomains.length > 0 ? store.emailDomains : (profile?.emailDomains ?? []),
    phoneNumbers:
      store.phoneNumbers.length > 0 ? store.phoneNumbers : (profile?.phoneNumbers ?? []),
    businessHours: store.businessHours ?? profile?.businessHours ?? null,
  };
  return { ...evidence, store: merged };
}
