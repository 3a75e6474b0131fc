import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@candor/platform-database';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  storeIds: string[] | null;
  createdBy: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, name, prefix, scopes, store_ids AS "storeIds", created_by AS "createdBy",
  expires_at AS "expiresAt", revoked_at AS "revokedAt", last_used_at AS "lastUsedAt",
  created_at AS "createdAt"`;

/** API keys of the transaction's consultancy; the secret hash is written, never read back. */
@Injectable()
export class ApiKeyRepository {
  async insert(
    tx: TenantTransaction,
    k: {
      name: string;
      prefix: string;
      hash: Buffer;
      scopes: string[];
      storeIds: string[] | null;
      createdBy: string;
      expiresAt: Date | null;
    },
  ): Promise<ApiKeyRow> {
    const [row] = await tx.query<ApiKeyRow>(
      `INSERT INTO api_key (consultancy_id, name, prefix, secret_hash, scopes, store_ids,
         created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [tx.consultancyId, k.name, k.prefix, k.hash, k.scopes, k.storeIds, k.createdBy, k.expiresAt],
    );
    return row!;
  }

  list(tx: TenantTransaction): Promise<ApiKeyRow[]> {
    return tx.query<ApiKeyRow>(`SELECT ${COLUMNS} FROM api_key ORDER BY created_at DESC, id`);
  }

  async revoke(tx: TenantTransaction, id: string): Promise<ApiKeyRow | null> {
    const [row] = await tx.query<ApiKeyRow>(
      `UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
       RETURNING ${COLUMNS}`,
      [id],
    );
    return row ?? null;
  }

  /** Records use at most once a minute per key, so busy keys do not write on every request. */
  async touch(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(
      `UPDATE api_key SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}
