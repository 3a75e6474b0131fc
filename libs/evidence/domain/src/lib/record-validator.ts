import {
  validateActivity,
  validateAppointment,
  validateNote,
  validateSale,
  validateStatus,
  validateTask,
} from './event-validators';
import { FieldReader } from './field-reader';
import { validateLead } from './lead-validator';
import { validateStore, validateUser } from './party-validators';
import type { EvidenceRecord, RecordType } from './records';
import { RECORD_TYPES } from './records';
import type { RecordError, ValidationResult } from './validation-result';
import { describeValue, isPlainObject, quoteText } from './value-text';

const VALIDATORS: Readonly<
  Record<RecordType, (fields: FieldReader, line: number) => EvidenceRecord>
> = {
  store: validateStore,
  user: validateUser,
  lead: validateLead,
  task: validateTask,
  activity: validateActivity,
  note: validateNote,
  appointment: validateAppointment,
  status: validateStatus,
  sale: validateSale,
};
const TYPE_LIST = RECORD_TYPES.join(', ');

function isRecordType(value: string): value is RecordType {
  return Object.prototype.hasOwnProperty.call(VALIDATORS, value);
}

function rejected(field: string, reason: string): ValidationResult {
  return { ok: false, errors: [{ field, reason }] };
}

/**
 * Checks one parsed bundle line against interchange.md and normalizes it into an
 * `EvidenceRecord` (instants as epoch ms, absent optionals as null / [] / defaults, unknown
 * fields in `raw`). Reports every problem of the record. Never throws, whatever `value` is.
 * `line` is stored on the record (1-based line of the bundle; 0 for records built in code).
 */
export function validateRecord(value: unknown, line = 0): ValidationResult {
  try {
    return validate(value, line);
  } catch (error) {
    // Only reachable for values JSON.parse cannot produce (throwing getters, revoked proxies).
    const message = error instanceof Error ? error.message : String(error);
    return rejected('(record)', `could not be read: ${message}`);
  }
}

function validate(value: unknown, line: number): ValidationResult {
  if (!isPlainObject(value)) {
    return rejected('(record)', `must be a JSON object, got ${describeValue(value)}`);
  }
  const type = Object.prototype.hasOwnProperty.call(value, 'type') ? value['type'] : undefined;
  if (type === undefined || type === null) {
    return rejected('type', `is required (one of ${TYPE_LIST})`);
  }
  if (typeof type !== 'string') {
    return rejected('type', `must be one of ${TYPE_LIST}, got ${describeValue(type)}`);
  }
  if (!isRecordType(type)) {
    return rejected('type', `${quoteText(type)} is not a record type (one of ${TYPE_LIST})`);
  }
  const errors: RecordError[] = [];
  const record = VALIDATORS[type](new FieldReader(value, errors), line);
  return errors.length === 0 ? { ok: true, record } : { ok: false, errors };
}
