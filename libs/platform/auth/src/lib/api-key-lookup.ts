import type { StoreAccess } from './tenant-context';

/** Prefix of every Candor API key: `ck_<prefix>_<secret>`. */
export const API_KEY_PREFIX = 'ck_';

/** A verified, unexpired, unrevoked API key. */
export interface ApiKeyGrant {
  id: string;
  consultancyId: string;
  /** The owner who created the key; the key never does more than they may. */
  createdBy: string;
  scopes: string[];
  stores: StoreAccess;
}

/**
 * Verifies an API key presented as `Authorization: Bearer ck_…`. Implemented by the identity
 * feature; declared here so the guard depends on no domain. Returns null for any bad key.
 */
export abstract class ApiKeyLookup {
  abstract verify(presented: string): Promise<ApiKeyGrant | null>;
}
