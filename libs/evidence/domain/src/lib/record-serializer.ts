import { instantFormatter } from './instant-parser';
import { CUSTOMER_FIELDS, INSTANT_FIELDS, RECORD_FIELDS, VEHICLE_FIELDS } from './record-fields';
import type { EvidenceRecord } from './records';
import { isPlainObject } from './value-text';

/** Assignment would turn a `__proto__` key into a prototype change; this keeps it a field. */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function isAbsent(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** Known fields that are not absent, then the nested leftovers kept in `raw`. */
function nestedObject(
  value: unknown,
  fields: readonly string[],
  raw: unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (isPlainObject(value)) {
    for (const key of fields) if (!isAbsent(value[key])) setField(out, key, value[key]);
  }
  if (isPlainObject(raw)) {
    for (const key of Object.keys(raw)) if (!fields.includes(key)) setField(out, key, raw[key]);
  }
  return out;
}

/**
 * Writes a record as one bundle line (JSON, no trailing newline): fields in interchange.md
 * order, instants as ISO 8601 with the offset of `timeZone` at that instant (default UTC, `Z`),
 * absent optionals (null, []) left out, and the fields kept in `raw` written back.
 * `validateRecord(JSON.parse(serializeRecord(r)), r.line)` gives back a record equal to `r`.
 * Throws a RangeError when `timeZone` is not an IANA zone.
 */
export function serializeRecord(record: EvidenceRecord, timeZone = 'UTC'): string {
  const format = instantFormatter(timeZone);
  const fields = RECORD_FIELDS[record.type];
  // The field table is keyed by name; records are plain data, so reading them by name is safe.
  const values = record as unknown as Readonly<Record<string, unknown>>;
  const raw = record.raw ?? {};
  const out: Record<string, unknown> = {};
  for (const key of fields) {
    const value = values[key];
    if (key === 'customer' && record.type === 'lead') {
      setField(out, key, nestedObject(value, CUSTOMER_FIELDS, raw['customer']));
    } else if (key === 'vehicle' && record.type === 'lead') {
      if (value !== null || isPlainObject(raw['vehicle'])) {
        setField(out, key, nestedObject(value, VEHICLE_FIELDS, raw['vehicle']));
      }
    } else if (isAbsent(value)) {
      continue;
    } else if (INSTANT_FIELDS.has(key) && typeof value === 'number') {
      setField(out, key, format(value));
    } else {
      setField(out, key, value);
    }
  }
  for (const key of Object.keys(raw)) {
    if (!fields.includes(key)) setField(out, key, raw[key]);
  }
  return JSON.stringify(out);
}
