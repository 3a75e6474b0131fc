export { AuditModule, AUDIT_RESOLVERS } from './lib/audit.module';
export { AuditService } from './lib/audit.service';
export { auditEveryMutation } from './lib/audited-mutations';
