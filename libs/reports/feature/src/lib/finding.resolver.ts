import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Lead, LeadLoader } from '@candor/leads-feature';
import { CurrentTenant, type TenantContext } from '@candor/platform-auth';
import { Finding } from './models/finding.model';

@Resolver(() => Finding)
export class FindingResolver {
  constructor(private readonly leads: LeadLoader) {}

  @ResolveField(() => Lead, {
    nullable: true,
    description:
      'The lead with its timeline (batched: a page of findings loads its leads together); null ' +
      'for findings about no lead.',
  })
  lead(@Parent() finding: Finding, @CurrentTenant() ctx: TenantContext): Promise<Lead | null> {
    if (!finding.leadId) return Promise.resolve(null);
    return this.leads.load(ctx, finding.storeUuid, finding.leadId);
  }
}
