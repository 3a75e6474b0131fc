import { Injectable } from '@nestjs/common';
import type { TenantTransaction } from '@candor/platform-database';

export interface AgentIdentityRow {
  id: string;
  userId: string;
  storeId: string;
  crmUserId: string;
  createdAt: Date;
}

const COLUMNS = `id, user_id AS "userId", store_id AS "storeId", crm_user_id AS "crmUserId",
  created_at AS "createdAt"`;

/** Links of dealer agents to their evidence user ids, in the transaction's consultancy (RLS). */
@Injectable()
export class AgentIdentityRepository {
  async insert(
    tx: TenantTransaction,
    link: { userId: string; storeId: string; crmUserId: string; createdBy: string },
  ): Promise<AgentIdentityRow> {
    const [row] = await tx.query<AgentIdentityRow>(
      `INSERT INTO agent_identity (consultancy_id, user_id, store_id, crm_user_id, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [tx.consultancyId, link.userId, link.storeId, link.crmUserId, link.createdBy],
    );
    return row!;
  }

  async byStoreAndCrmId(
    tx: TenantTransaction,
    storeId: string,
    crmUserId: string,
  ): Promise<AgentIdentityRow | null> {
    const [row] = await tx.query<AgentIdentityRow>(
      `SELECT ${COLUMNS} FROM agent_identity WHERE store_id = $1 AND crm_user_id = $2`,
      [storeId, crmUserId],
    );
    return row ?? null;
  }

  async byId(tx: TenantTransaction, id: string): Promise<AgentIdentityRow | null> {
    const [row] = await tx.query<AgentIdentityRow>(
      `SELECT ${COLUMNS} FROM agent_identity WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  async delete(tx: TenantTransaction, id: string): Promise<boolean> {
    const rows = await tx.query<{ id: string }>(
      'DELETE FROM agent_identity WHERE id = $1 RETURNING id',
      [id],
    );
    return rows.length > 0;
  }

  /** Every link of these people, in one query (members pages list them without N+1). */
  forUsers(tx: TenantTransaction, userIds: readonly string[]): Promise<AgentIdentityRow[]> {
    return tx.query<AgentIdentityRow>(
      `SELECT ${COLUMNS} FROM agent_identity WHERE user_id = ANY($1)
       ORDER BY user_id, store_id, crm_user_id`,
      [userIds],
    );
  }
}
