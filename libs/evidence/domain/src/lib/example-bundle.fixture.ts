import { validateRecord } from './record-validator';
import type { EvidenceRecord, RecordType } from './records';
import type { RecordError } from './validation-result';

/** The example bundle of interchange.md, verbatim: every line must validate. */
export const EXAMPLE_LINES: readonly string[] = [
  '{"type":"store","id":"smith-toyota","name":"Smith Toyota","names":["Smith Toyota","Smith"],"timeZone":"America/Chicago","emailDomains":["smithtoyota.com"],"phoneNumbers":["+13125550100","+13125550101"],"businessHours":{"mon":["09:00","20:00"],"tue":["09:00","20:00"],"wed":["09:00","20:00"],"thu":["09:00","20:00"],"fri":["09:00","20:00"],"sat":["09:00","18:00"],"sun":null}}',
  '{"type":"user","id":"u-17","storeId":"smith-toyota","name":"Dana Reyes","role":"bdc","emails":["dana@smithtoyota.com"],"phoneNumbers":["+13125550117"]}',
  '{"type":"lead","id":"L-4411","storeId":"smith-toyota","receivedAt":"2026-03-02T09:14:00-06:00","requestedAt":"2026-03-02T09:13:12-06:00","source":"cars.com","kind":"internet","assignedTo":"u-17","customer":{"name":"Pat Example","emails":["pat@example.org"],"phones":["+13125559876"]},"vehicle":{"year":2024,"make":"Toyota","model":"RAV4","status":"new"},"comments":"Is it available?"}',
  '{"type":"task","id":"T-1","storeId":"smith-toyota","leadId":"L-4411","taskType":"call","assignedTo":"u-17","createdAt":"2026-03-02T09:14:00-06:00","dueAt":"2026-03-02T09:29:00-06:00","completedAt":"2026-03-02T09:16:00-06:00","completedBy":"u-17","comment":"sc"}',
  '{"type":"activity","id":"C-88","storeId":"smith-toyota","leadId":"L-4411","channel":"call","direction":"outbound","evidence":"recorded","at":"2026-03-02T09:55:10-06:00","userId":"u-17","from":"+13125550100","to":"+13125559876","durationSec":12,"answeredBy":"machine","outcome":"voicemail","transcript":"Hi Pat, this is Dana at Smith Toyota, call me at 312 555 0100","automated":false}',
  '{"type":"activity","id":"E-3","storeId":"smith-toyota","leadId":"L-4411","channel":"email","direction":"outbound","evidence":"recorded","at":"2026-03-02T10:02:00-06:00","userId":"u-17","from":"dana.reyes77@gmail.com","to":"pat@example.org","subject":"Your RAV4","automated":false}',
  '{"type":"note","id":"N-5","storeId":"smith-toyota","leadId":"L-4411","at":"2026-03-03T11:00:00-06:00","userId":"u-17","text":"Pat\'s daughter plays travel softball Saturdays; prefers evening calls."}',
  '{"type":"appointment","id":"A-2","storeId":"smith-toyota","leadId":"L-4411","setAt":"2026-03-03T11:05:00-06:00","setBy":"u-17","startsAt":"2026-03-05T17:30:00-06:00","confirmedAt":"2026-03-05T10:00:00-06:00","shownAt":"2026-03-05T17:41:00-06:00"}',
  '{"type":"status","id":"S-9","storeId":"smith-toyota","leadId":"L-4411","at":"2026-03-05T19:20:00-06:00","status":"sold","by":"u-17"}',
  '{"type":"sale","id":"D-77","storeId":"smith-toyota","leadId":"L-4411","soldAt":"2026-03-05T19:20:00-06:00","userId":"u-17"}',
];

/** The example line of one record type, parsed, for tests to modify. */
export function exampleOf(type: string): Record<string, unknown> {
  const line = EXAMPLE_LINES.find((l) => l.includes(`"type":"${type}"`));
  if (!line) throw new Error(`no example ${type}`);
  return JSON.parse(line) as Record<string, unknown>;
}

export function recordOf(value: unknown): EvidenceRecord {
  const result = validateRecord(value, 7);
  if (!result.ok) throw new Error(`expected a valid record, got ${JSON.stringify(result.errors)}`);
  return result.record;
}

export function errorsOf(value: unknown): RecordError[] {
  const result = validateRecord(value, 7);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.record)}`);
  return result.errors;
}

/** The example of `type` with some fields replaced. */
export function withFields(
  type: RecordType,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  return { ...exampleOf(type), ...fields };
}
