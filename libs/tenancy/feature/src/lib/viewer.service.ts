import { Injectable } from '@nestjs/common';
import {
  type MembershipGrant,
  MembershipLookup,
  type MembershipRole,
  type TenantContext,
} from '@candor/platform-auth';
import { TenantCache, TenantChanges, TenantDb } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { MembershipRepository } from '@candor/tenancy-data-access';
import type { Viewer } from './models/viewer.model';
import { TenancyException } from './tenancy.exception';

/** Backstop only: a change is announced by NOTIFY and drops the consultancy's grants at once. */
const GRANT_TTL_MS = 10_000;

/** Answers `viewer`, and verifies memberships for the AuthGuard. */
@Injectable()
export class ViewerService extends MembershipLookup {
  private readonly grants: TenantCache<MembershipGrant | null>;

  constructor(
    private readonly db: TenantDb,
    private readonly memberships: MembershipRepository,
    changes: TenantChanges,
  ) {
    super();
    this.grants = new TenantCache(changes, GRANT_TTL_MS, (grant) => grant !== null);
  }

  /**
   * The caller's grant, cached per (consultancy, user) until the consultancy's memberships,
   * store assignments, agent links or stores change (migration 1763900001000).
   */
  find(userId: string, consultancyId: string): Promise<MembershipGrant | null> {
    return this.grants.get(consultancyId, userId, () =>
      this.db.run({ consultancyId }, (tx) => this.memberships.findGrant(tx, userId)).then(frozen),
    );
  }

  viewer(ctx: TenantContext): Promise<Viewer> {
    return this.db.run(ctx, async (tx) => {
      const user = await this.memberships.findUser(tx, ctx.userId);
      const consultancy = await this.memberships.findConsultancy(tx);
      if (!user || !consultancy) throw new TenancyException('UNAUTHENTICATED', 'Sign-in required');
      // Other consultancies are hidden by RLS; this SECURITY DEFINER function (migration 0200)
      // returns only the caller's own memberships.
      const memberships = await tx.query<{
        consultancy_id: string;
        consultancy_name: string;
        role: MembershipRole;
      }>('SELECT consultancy_id, consultancy_name, role FROM auth_memberships($1)', [ctx.userId]);
      return {
        user: { id: encodeId('User', user.id), name: user.name, email: user.email },
        consultancy: { id: encodeId('Consultancy', consultancy.id), name: consultancy.name },
        role: ctx.role,
        seesAllStores: ctx.stores.all,
        memberships: memberships.map((m) => ({
          consultancy: { id: encodeId('Consultancy', m.consultancy_id), name: m.consultancy_name },
          role: m.role,
          active: m.consultancy_id === ctx.consultancyId,
        })),
      };
    });
  }
}

/** A cached grant is shared by many requests: nobody may change it in place. */
function frozen(grant: MembershipGrant | null): MembershipGrant | null {
  if (!grant) return null;
  Object.freeze(grant.storeIds);
  if (grant.evidenceUserIds) {
    for (const ids of Object.values(grant.evidenceUserIds)) Object.freeze(ids);
    Object.freeze(grant.evidenceUserIds);
  }
  return Object.freeze(grant);
}
