import { Module } from '@nestjs/common';
import { LeadResolver } from './lead.resolver';
import { DEFAULT_LEAD_POLICY, LEAD_POLICY } from './lead-policy';
import { LeadLoader } from './loaders/lead.loader';
import { StoreLoader } from './loaders/store.loader';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const LEADS_RESOLVERS = [LeadResolver];

@Module({
  providers: [
    ...LEADS_RESOLVERS,
    LeadLoader,
    StoreLoader,
    { provide: LEAD_POLICY, useValue: DEFAULT_LEAD_POLICY },
  ],
  exports: [LeadLoader, LEAD_POLICY],
})
export class LeadsModule {}
