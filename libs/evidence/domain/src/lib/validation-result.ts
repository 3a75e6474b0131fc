import type { EvidenceRecord } from './records';

/**
 * One problem with one field of a record. `field` is a path into the bundle line
 * (`customer.emails[1]`, `businessHours.mon`), `type`, or `(record)` for the whole value.
 */
export interface RecordError {
  field: string;
  reason: string;
}

export type ValidationResult =
  { ok: true; record: EvidenceRecord } | { ok: false; errors: RecordError[] };
