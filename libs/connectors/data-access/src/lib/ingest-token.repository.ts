import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TenantTransaction } from '@candor/platform-database';

/** The prefix makes a leaked token recognizable in logs and secret scanners. */
const TOKEN_PREFIX = 'cit_';

export interface IssuedIngestToken {
  id: string;
  storeId: string;
  /** Shown once; only its SHA-256 is stored. */
  token: string;
  tokenPrefix: string;
}

export interface IngestTokenView {
  id: string;
  storeId: string;
  tokenPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Whose store a raw ingest token opens: enough to enter the tenant. */
export interface IngestTokenOwner {
  consultancyId: string;
  storeId: string;
}

/** Per-store tokens that authenticate pushed evidence (ADF POST) before a tenant is known. */
export class IngestTokenRepository {
  async issue(tx: TenantTransaction, storeId: string): Promise<IssuedIngestToken> {
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const tokenPrefix = token.slice(0, TOKEN_PREFIX.length + 8);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO store_ingest_token (consultancy_id, store_id, token_prefix, token_hash)
       VALUES ($1, $2, $3, sha256(convert_to($4, 'UTF8'))) RETURNING id`,
      [tx.consultancyId, storeId, tokenPrefix, token],
    );
    return { id: row!.id, storeId, token, tokenPrefix };
  }

  async revoke(tx: TenantTransaction, id: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE store_ingest_token SET revoked_at = now()
       WHERE consultancy_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id`,
      [tx.consultancyId, id],
    );
    return rows.length === 1;
  }

  async listByStore(tx: TenantTransaction, storeId: string): Promise<IngestTokenView[]> {
    const rows = await tx.query<{
      id: string;
      store_id: string;
      token_prefix: string;
      created_at: Date;
      revoked_at: Date | null;
      last_used_at: Date | null;
    }>(
      `SELECT id, store_id, token_prefix, created_at, revoked_at, last_used_at
       FROM store_ingest_token WHERE consultancy_id = $1 AND store_id = $2
       ORDER BY created_at DESC, id`,
      [tx.consultancyId, storeId],
    );
    return rows.map((r) => ({
      id: r.id,
      storeId: r.store_id,
      tokenPrefix: r.token_prefix,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      lastUsedAt: r.last_used_at,
    }));
  }
}

/**
 * The store an active token belongs to, or null (unknown or revoked). Runs without a tenant
 * through the SECURITY DEFINER function, which hashes the token in the database; the caller
 * then enters the returned tenant with runInTenant.
 */
export async function lookupIngestToken(
  ds: DataSource,
  token: string,
): Promise<IngestTokenOwner | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const rows = (await ds.query(
    'SELECT consultancy_id, store_id FROM connector_ingest_token_lookup($1)',
    [token],
  )) as { consultancy_id: string; store_id: string }[];
  const row = rows[0];
  return row ? { consultancyId: row.consultancy_id, storeId: row.store_id } : null;
}
