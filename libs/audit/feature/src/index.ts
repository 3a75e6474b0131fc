export { AuditModule, AUDIT_RESOLVERS } from './lib/audit.module';
