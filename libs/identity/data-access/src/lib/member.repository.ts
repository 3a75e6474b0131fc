import { Injectable } from '@nestjs/common';
import type { MembershipRole, StoreAccess } from '@candor/platform-auth';
import type { TenantTransaction } from '@candor/platform-database';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  storeIds: string[];
}

/**
 * Members of the transaction's consultancy a caller may see: everyone for callers who see every
 * store; otherwise the people assigned to one of the caller's stores, and the caller.
 */
@Injectable()
export class MemberRepository {
  async page(
    tx: TenantTransaction,
    viewer: { userId: string; stores: StoreAccess },
    page: { limit: number; after: { name: string; id: string } | null },
  ): Promise<{ rows: MemberRow[]; totalCount: number }> {
    const params: unknown[] = [];
    let visible = 'TRUE';
    if (!viewer.stores.all) {
      params.push(viewer.userId, [...viewer.stores.ids]);
      visible = `(m.user_id = $1 OR EXISTS (SELECT 1 FROM membership_store v
        WHERE v.user_id = m.user_id AND v.store_id = ANY($2)))`;
    }
    const [count] = await tx.query<{ n: string }>(
      `SELECT count(*) AS n FROM membership m WHERE ${visible}`,
      params,
    );
    const pageParams = [...params];
    let cursor = '';
    if (page.after) {
      pageParams.push(page.after.name, page.after.id);
      cursor = `AND (lower(u.name), u.id) > ($${pageParams.length - 1}, $${pageParams.length}::uuid)`;
    }
    pageParams.push(page.limit + 1);
    const rows = await tx.query<MemberRow>(
      `SELECT u.id AS "userId", u.name, u.email, m.role,
         coalesce((SELECT array_agg(s.store_id ORDER BY s.store_id) FROM membership_store s
                   WHERE s.user_id = m.user_id), '{}') AS "storeIds"
       FROM membership m JOIN app_user u ON u.id = m.user_id
       WHERE ${visible} ${cursor}
       ORDER BY lower(u.name), u.id LIMIT $${pageParams.length}`,
      pageParams,
    );
    return { rows, totalCount: Number(count?.n ?? 0) };
  }

  /** A member's role and assigned stores in the transaction's consultancy, if they are one. */
  async find(
    tx: TenantTransaction,
    userId: string,
  ): Promise<{ role: MembershipRole; storeIds: string[] } | null> {
    const [row] = await tx.query<{ role: MembershipRole; storeIds: string[] }>(
      `SELECT m.role, coalesce((SELECT array_agg(s.store_id) FROM membership_store s
         WHERE s.user_id = m.user_id), '{}') AS "storeIds"
       FROM membership m WHERE m.user_id = $1`,
      [userId],
    );
    return row ?? null;
  }
}
