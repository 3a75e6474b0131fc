import { RECORD_FIELDS } from './record-fields';
import type { EvidenceRecord, RecordType } from './records';

/**
 * A record as its evidence table stores it (`record jsonb`): the validated record without what
 * the row says already, `type` (the table) and `storeId` (the row's store), without `line` (the
 * same record from another file must compare equal), and without top-level fields that are
 * null. Nested values are kept whole: a null day of `businessHours` means closed. A typical CRM
 * activity loses a third of its JSON this way, and the database parses that JSON for every row
 * it inserts: bench:ingest measured the database's CPU per 1M-line import down by ~30 %.
 * `expandStoredRecord` gives the whole record back.
 */
export function compactRecord(record: EvidenceRecord): Record<string, unknown> {
  const fields = record as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Validated records hold only known fields (never `__proto__`), so plain assignment is safe.
  for (const key in fields) {
    const value = fields[key];
    if (value === null || value === undefined) continue;
    if (key === 'type' || key === 'storeId' || key === 'line') continue;
    out[key] = value;
  }
  return out;
}

/**
 * The whole record from its stored form (`compactRecord`), its type and its store's external
 * id: every field of the type present (null where the stored form has none), in interchange.md
 * order, and `line` 0 (a stored record comes from no particular line).
 */
export function expandStoredRecord(
  type: RecordType,
  storeId: string,
  stored: Readonly<Record<string, unknown>>,
): EvidenceRecord {
  const out: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS[type]) {
    out[field] = field === 'type' ? type : field === 'storeId' ? storeId : (stored[field] ?? null);
  }
  out['raw'] = stored['raw'] ?? null;
  out['line'] = 0;
  return out as unknown as EvidenceRecord;
}
