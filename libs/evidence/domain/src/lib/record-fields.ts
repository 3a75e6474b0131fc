import type { RecordType } from './records';

/**
 * The fields interchange.md defines for each record type, in the order a bundle line is written.
 * Anything else on a line goes to `raw`. The validator and the serializer both read this table,
 * and a test checks it against the validated records, so the three cannot drift apart.
 * `activity.comment` is not in interchange.md v1 but is part of `ActivityRecord` (the text a
 * person typed with a claimed CRM call), so bundles may carry it.
 */
export const RECORD_FIELDS: Readonly<Record<RecordType, readonly string[]>> = {
  store: [
    'type',
    'id',
    'name',
    'names',
    'timeZone',
    'emailDomains',
    'phoneNumbers',
    'businessHours',
  ],
  user: ['type', 'id', 'storeId', 'name', 'role', 'emails', 'phoneNumbers'],
  lead: [
    'type',
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
    'type',
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
  activity: [
    'type',
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
  note: ['type', 'id', 'storeId', 'leadId', 'at', 'userId', 'text'],
  appointment: [
    'type',
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
  status: ['type', 'id', 'storeId', 'leadId', 'at', 'status', 'by', 'reason'],
  sale: ['type', 'id', 'storeId', 'leadId', 'soldAt', 'userId'],
};

export const CUSTOMER_FIELDS: readonly string[] = ['name', 'emails', 'phones'];
export const VEHICLE_FIELDS: readonly string[] = ['year', 'make', 'model', 'status'];

/** Fields holding instants (epoch ms in a record, ISO 8601 text on a line). */
export const INSTANT_FIELDS: ReadonlySet<string> = new Set([
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

export const KNOWN_FIELDS: Readonly<Record<RecordType, ReadonlySet<string>>> = {
  store: new Set(RECORD_FIELDS.store),
  user: new Set(RECORD_FIELDS.user),
  lead: new Set(RECORD_FIELDS.lead),
  task: new Set(RECORD_FIELDS.task),
  activity: new Set(RECORD_FIELDS.activity),
  note: new Set(RECORD_FIELDS.note),
  appointment: new Set(RECORD_FIELDS.appointment),
  status: new Set(RECORD_FIELDS.status),
  sale: new Set(RECORD_FIELDS.sale),
};
export const KNOWN_CUSTOMER_FIELDS: ReadonlySet<string> = new Set(CUSTOMER_FIELDS);
export const KNOWN_VEHICLE_FIELDS: ReadonlySet<string> = new Set(VEHICLE_FIELDS);
