import type { EvidenceRecord, RecordType } from '@candor/evidence-domain';
import { zoneOffsets } from './zone-offset';

/** interchange.md's fields per record type, in the order its examples write them. */
const FIELDS: Readonly<Record<RecordType, readonly string[]>> = {
  store: ['id', 'name', 'names', 'timeZone', 'emailDomains', 'phoneNumbers', 'businessHours'],
  user: ['id', 'storeId', 'name', 'role', 'emails', 'phoneNumbers'],
  lead: [
    'id',
    'storeId',
    'receivedAt',
    'requestedAt',
    'source',
    'kind',
    'assignedTo',
    'customer',
    'vehicle',
    'comments',
  ],
  task: [
    'id',
    'storeId',
    'leadId',
    'taskType',
    'assignedTo',
    'createdAt',
    'dueAt',
    'completedAt',
    'completedBy',
    'dismissedAt',
    'comment',
  ],
  // `comment` is not in interchange.md v1 but is part of ActivityRecord (what a person typed
  // with a claimed CRM call); the validator reads it, scoring uses it to spot filler.
  activity: [
    'id',
    'storeId',
    'leadId',
    'channel',
    'direction',
    'evidence',
    'at',
    'userId',
    'from',
    'to',
    'durationSec',
    'answeredBy',
    'outcome',
    'transcript',
    'subject',
    'automated',
    'comment',
  ],
  note: ['id', 'storeId', 'leadId', 'at', 'userId', 'text'],
  appointment: [
    'id',
    'storeId',
    'leadId',
    'setAt',
    'setBy',
    'startsAt',
    'confirmedAt',
    'shownAt',
    'cancelledAt',
  ],
  status: ['id', 'storeId', 'leadId', 'at', 'status', 'by', 'reason'],
  sale: ['id', 'storeId', 'leadId', 'soldAt', 'userId'],
};

const INSTANTS: ReadonlySet<string> = new Set([
  'receivedAt',
  'requestedAt',
  'createdAt',
  'dueAt',
  'completedAt',
  'dismissedAt',
  'at',
  'setAt',
  'startsAt',
  'confirmedAt',
  'shownAt',
  'cancelledAt',
  'soldAt',
]);

/**
 * One evidence bundle line (JSON, no trailing newline) for a record: interchange.md field names
 * and order, instants as ISO 8601 with the offset `timeZone` has at that instant
 * (`2026-03-02T09:14:00-06:00`), null optional fields left out. Fields a validated record kept
 * in `raw` are written back after the known ones, so a line survives a read/write round trip.
 */
export function toBundleLine(record: EvidenceRecord, timeZone: string): string {
  const offsets = zoneOffsets(timeZone);
  const source = record as unknown as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { type: record.type };
  const fields = FIELDS[record.type];
  for (const field of fields) {
    const value = source[field];
    if (value === null || value === undefined) continue;
    if (INSTANTS.has(field) && typeof value === 'number') {
      out[field] = isoWithOffset(value, offsets.minutesAt(value));
    } else if (field === 'customer' || field === 'vehicle') {
      out[field] = withoutNulls(value);
    } else {
      out[field] = value;
    }
  }
  if (record.raw) {
    for (const [key, value] of Object.entries(record.raw)) {
      if (!(key in out) && key !== 'type' && !fields.includes(key)) out[key] = value;
    }
  }
  return JSON.stringify(out);
}

function withoutNulls(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = item;
  return out;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `ms` written in the local time of a zone `offsetMinutes` east of UTC. Hand-rolled rather than
 * Luxon's toISO: this runs for every instant of a store-year, and Luxon's formatter is an order
 * of magnitude slower. A test checks both agree.
 */
export function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const year = String(local.getUTCFullYear()).padStart(4, '0');
  const millis = local.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  return (
    `${year}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}` +
    `T${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}` +
    `${fraction}${offset}`
  );
}
