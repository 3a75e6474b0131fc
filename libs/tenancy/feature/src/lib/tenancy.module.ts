import { Module } from '@nestjs/common';
import { MembershipLookup } from '@candor/platform-auth';
import { MembershipRepository, StoreRepository } from '@candor/tenancy-data-access';
import { StoreResolver } from './store.resolver';
import { StoreService } from './store.service';
import { ViewerResolver } from './viewer.resolver';
import { ViewerService } from './viewer.service';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const TENANCY_RESOLVERS = [StoreResolver, ViewerResolver];

@Module({
  providers: [
    ...TENANCY_RESOLVERS,
    StoreService,
    ViewerService,
    StoreRepository,
    MembershipRepository,
    { provide: MembershipLookup, useExisting: ViewerService },
  ],
  exports: [MembershipLookup],
})
export class TenancyModule {}
