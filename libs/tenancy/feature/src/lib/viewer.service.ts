import { Injectable } from '@nestjs/common';
import {
  type MembershipGrant,
  MembershipLookup,
  type MembershipRole,
  type TenantContext,
} from '@candor/platform-auth';
import { TenantDb } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { MembershipRepository } from '@candor/tenancy-data-access';
import type { Viewer } from './models/viewer.model';
import { TenancyException } from './tenancy.exception';

/** Answers `viewer`, and verifies memberships for the AuthGuard. */
@Injectable()
export class ViewerService extends MembershipLookup {
  constructor(
    private readonly db: TenantDb,
    private readonly memberships: MembershipRepository,
  ) {
    super();
  }

  find(userId: string, consultancyId: string): Promise<MembershipGrant | null> {
    return this.db.run({ consultancyId }, (tx) => this.memberships.findGrant(tx, userId));
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
