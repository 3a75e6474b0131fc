import { Injectable } from '@nestjs/common';
import type { MembershipGrant, MembershipRole } from '@candor/platform-auth';
import type { TenantTransaction } from '@candor/platform-database';
import { ConsultancyEntity } from '../entities/consultancy.entity';
import { MembershipEntity, MembershipStoreEntity } from '../entities/membership.entity';
import { UserEntity } from '../entities/user.entity';

@Injectable()
export class MembershipRepository {
  /** The caller's role and assigned stores in the transaction's consultancy, if any. */
  async findGrant(tx: TenantTransaction, userId: string): Promise<MembershipGrant | null> {
    const membership = await tx.manager.getRepository(MembershipEntity).findOneBy({ userId });
    if (!membership) return null;
    const stores = await tx.manager.getRepository(MembershipStoreEntity).findBy({ userId });
    const grant: MembershipGrant = {
      role: membership.role,
      storeIds: stores.map((s) => s.storeId),
    };
    if (membership.role === 'dealer_agent') {
      grant.evidenceUserIds = await this.evidenceUserIds(tx, userId);
    }
    return grant;
  }

  /**
   * An agent's linked evidence user ids per store, in one query, so TenantContext carries them
   * and later reads can restrict the agent to their own work (agent_identity, migration 0200).
   */
  async evidenceUserIds(tx: TenantTransaction, userId: string): Promise<Record<string, string[]>> {
    const rows = await tx.query<{ store_id: string; ids: string[] }>(
      `SELECT store_id, array_agg(crm_user_id ORDER BY crm_user_id) AS ids FROM agent_identity
       WHERE user_id = $1 GROUP BY store_id`,
      [userId],
    );
    const out: Record<string, string[]> = {};
    for (const row of rows) out[row.store_id] = row.ids;
    return out;
  }

  findUser(tx: TenantTransaction, userId: string): Promise<UserEntity | null> {
    return tx.manager.getRepository(UserEntity).findOneBy({ id: userId });
  }

  findConsultancy(tx: TenantTransaction): Promise<ConsultancyEntity | null> {
    return tx.manager.getRepository(ConsultancyEntity).findOneBy({ id: tx.consultancyId });
  }

  async add(
    tx: TenantTransaction,
    userId: string,
    role: MembershipRole,
    storeIds: readonly string[] = [],
  ): Promise<void> {
    await tx.manager
      .getRepository(MembershipEntity)
      .insert({ consultancyId: tx.consultancyId, userId, role });
    if (storeIds.length > 0) {
      await tx.manager
        .getRepository(MembershipStoreEntity)
        .insert(storeIds.map((storeId) => ({ consultancyId: tx.consultancyId, userId, storeId })));
    }
  }
}
