export {
  AuditEventRepository,
  type AuditFilter,
  type AuditRow,
} from './lib/audit-event.repository';

/** Entities the application's data source must register for this domain (raw SQL only). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const AUDIT_ENTITIES: Function[] = [];
