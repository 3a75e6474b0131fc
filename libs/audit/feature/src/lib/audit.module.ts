import { Global, Module } from '@nestjs/common';
import { AuditRecorder } from '@candor/platform-auth';
import { AuditEventRepository } from '@candor/audit-data-access';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const AUDIT_RESOLVERS = [AuditResolver];

/**
 * Global so every feature can inject the AuditRecorder port (declared in platform-auth) without
 * depending on this library. `auditEveryMutation` (applied to the API's schema) records every
 * mutation.
 */
@Global()
@Module({
  providers: [
    ...AUDIT_RESOLVERS,
    AuditService,
    AuditEventRepository,
    { provide: AuditRecorder, useExisting: AuditService },
  ],
  exports: [AuditRecorder, AuditService],
})
export class AuditModule {}
