import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_DATA_SOURCE } from '@candor/platform-database';

export interface TenantSummaryRow {
  id: string;
  name: string;
  createdAt: Date;
  storeCount: number;
  memberCount: number;
}

/**
 * Every consultancy as platform staff see it (names and counts). RLS hides other tenants from
 * the app role, so this reads through the narrow SECURITY DEFINER functions of migration 0200,
 * which refuse anyone who is not a platform admin.
 */
@Injectable()
export class PlatformTenantRepository {
  constructor(@Inject(APP_DATA_SOURCE) private readonly ds: DataSource) {}

  /** Ordered by (lower(name), id), forward from `after`. */
  async page(
    adminId: string,
    after: { name: string; id: string } | null,
    limit: number,
  ): Promise<TenantSummaryRow[]> {
    const rows = await this.ds.query<
      {
        id: string;
        name: string;
        created_at: Date;
        store_count: string;
        member_count: string;
      }[]
    >(
      `SELECT id, name, created_at, store_count, member_count
       FROM platform_consultancies($1, $2, $3, $4)`,
      [adminId, after?.name ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: r.created_at,
      storeCount: Number(r.store_count),
      memberCount: Number(r.member_count),
    }));
  }

  async count(adminId: string): Promise<number> {
    const rows = await this.ds.query<{ n: string }[]>(
      'SELECT platform_consultancy_count($1) AS n',
      [adminId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
