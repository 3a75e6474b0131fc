import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentTenant, Requires, type TenantContext } from '@candor/platform-auth';
import { ConnectionArgs } from '@candor/platform-graphql';
import { AuditService } from './audit.service';
import { AuditEventFilterInput } from './models/audit-event-filter.input';
import { AuditChainReport, AuditEvent, AuditEventConnection } from './models/audit-event.model';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Requires('audit:read')
  @Query(() => AuditEventConnection, {
    description: 'The audit trail of the active consultancy, newest first (owners).',
  })
  auditEvents(
    @CurrentTenant() ctx: TenantContext,
    @Args() args: ConnectionArgs,
    @Args('filter', { nullable: true, description: 'Only events matching this.' })
    filter?: AuditEventFilterInput,
  ): Promise<AuditEventConnection> {
    return this.audit.list(ctx, filter, args);
  }

  @Requires('audit:read')
  @Query(() => AuditChainReport, {
    description: 'Re-computes the hash chain and names the first edited or deleted event.',
  })
  verifyAuditChain(@CurrentTenant() ctx: TenantContext): Promise<AuditChainReport> {
    return this.audit.verify(ctx.consultancyId);
  }
}
