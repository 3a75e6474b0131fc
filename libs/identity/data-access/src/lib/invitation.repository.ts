import { Injectable } from '@nestjs/common';
import type { MembershipRole } from '@candor/platform-auth';
import type { TenantTransaction } from '@candor/platform-database';

export interface InvitationRow {
  id: string;
  email: string;
  role: MembershipRole;
  storeIds: string[];
  expiresAt: Date;
  acceptedAt: Date | null;
}

const COLUMNS = `id, email, role, store_ids AS "storeIds", expires_at AS "expiresAt",
  accepted_at AS "acceptedAt"`;

/** Invitations of the transaction's consultancy (RLS-scoped); tokens are stored as sha256. */
@Injectable()
export class InvitationRepository {
  async insert(
    tx: TenantTransaction,
    i: {
      email: string;
      role: MembershipRole;
      storeIds: string[];
      hash: Buffer;
      invitedBy: string;
      expiresAt: Date;
    },
  ): Promise<InvitationRow> {
    const [row] = await tx.query<InvitationRow>(
      `INSERT INTO invitation (consultancy_id, email, role, store_ids, token_hash, invited_by,
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [tx.consultancyId, i.email, i.role, i.storeIds, i.hash, i.invitedBy, i.expiresAt],
    );
    return row!;
  }

  async findForUpdate(tx: TenantTransaction, hash: Buffer): Promise<InvitationRow | null> {
    const [row] = await tx.query<InvitationRow>(
      `SELECT ${COLUMNS} FROM invitation WHERE token_hash = $1 FOR UPDATE`,
      [hash],
    );
    return row ?? null;
  }

  async markAccepted(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query('UPDATE invitation SET accepted_at = now() WHERE id = $1', [id]);
  }
}
