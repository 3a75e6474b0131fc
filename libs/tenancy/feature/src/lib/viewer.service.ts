import { Injectable } from '@nestjs/common';
import { type MembershipGrant, MembershipLookup, type TenantContext } from '@candor/platform-auth';
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
      return {
        user: { id: encodeId('User', user.id), name: user.name, email: user.email },
        consultancy: { id: encodeId('Consultancy', consultancy.id), name: consultancy.name },
        role: ctx.role,
        seesAllStores: ctx.stores.all,
      };
    });
  }
}
