import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@candor/platform-database';

export interface StoredRefreshToken {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/** Refresh-token families of the transaction's consultancy (RLS-scoped). */
@Injectable()
export class RefreshTokenRepository {
  async insert(
    tx: TenantTransaction,
    t: { familyId: string; userId: string; hash: Buffer; expiresAt: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO refresh_token (consultancy_id, family_id, user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [tx.consultancyId, t.familyId, t.userId, t.hash, t.expiresAt],
    );
  }

  /** Locks the row, so two concurrent refreshes with one token cannot both rotate it. */
  async findForUpdate(tx: TenantTransaction, hash: Buffer): Promise<StoredRefreshToken | null> {
    const [r] = await tx.query<{
      id: string;
      family_id: string;
      user_id: string;
      expires_at: Date;
      rotated_at: Date | null;
      revoked_at: Date | null;
    }>(
      `SELECT id, family_id, user_id, expires_at, rotated_at, revoked_at FROM refresh_token
       WHERE token_hash = $1 FOR UPDATE`,
      [hash],
    );
    return r
      ? {
          id: r.id,
          familyId: r.family_id,
          userId: r.user_id,
          expiresAt: r.expires_at,
          rotatedAt: r.rotated_at,
          revokedAt: r.revoked_at,
        }
      : null;
  }

  async markRotated(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query('UPDATE refresh_token SET rotated_at = now() WHERE id = $1', [id]);
  }

  async revokeFamily(tx: TenantTransaction, familyId: string): Promise<void> {
    await tx.query(
      'UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }

  async revokeUser(tx: TenantTransaction, userId: string): Promise<void> {
    await tx.query(
      'UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }
}
