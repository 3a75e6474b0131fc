import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { Store } from '@candor/tenancy-feature';
import { decodeLeadId } from './lead-ids';
import { LeadsException } from './leads.exception';
import { LeadLoader } from './loaders/lead.loader';
import { StoreLoader } from './loaders/store.loader';
import { Lead } from './models/lead.model';

/**
 * A lead's timeline is the proof behind findings, so it needs `findings:read`, which every role
 * that is shown findings holds, dealer agents included (for their own leads only); it is not
 * `evidence:read`, which agents lack, and the view never exposes more than their own leads.
 */
@Resolver(() => Lead)
export class LeadResolver {
  constructor(
    private readonly leads: LeadLoader,
    private readonly stores: StoreLoader,
  ) {}

  @Requires('findings:read')
  @Query(() => Lead, {
    description:
      'One lead with its timeline of evidence and the verdict on each claim, judged as of now; ' +
      "NOT_FOUND for a lead the caller cannot see (another tenant's, an unassigned store's, " +
      "or for a dealer agent a colleague's).",
  })
  async lead(
    @CurrentTenant() ctx: TenantContext,
    @Args('id', { type: () => ID, description: 'Lead id.' }) id: string,
  ): Promise<Lead> {
    const { storeId, externalId } = decodeLeadId(id);
    const lead = await this.leads.load(ctx, storeId, externalId);
    if (!lead) throw LeadsException.leadNotFound();
    return lead;
  }

  @Requires('findings:read')
  @ResolveField(() => Store, { description: 'The store the lead came to.' })
  async store(@CurrentTenant() ctx: TenantContext, @Parent() lead: Lead): Promise<Store> {
    const store = await this.stores.load(ctx, lead.storeId);
    if (!store) throw LeadsException.storeNotFound();
    return store;
  }
}
