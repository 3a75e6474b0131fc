export * from './lib/records';
export * from './lib/store-evidence';
export type { RecordError, ValidationResult } from './lib/validation-result';
export { validateRecord } from './lib/record-validator';
export { serializeRecord } from './lib/record-serializer';
export { compactRecord, expandStoredRecord } from './lib/stored-record';
export { FIELD_LIMITS } from './lib/field-limits';
