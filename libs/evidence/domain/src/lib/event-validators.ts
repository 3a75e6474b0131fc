import { FIELD_LIMITS } from './field-limits';
import type { FieldReader } from './field-reader';
import { KNOWN_FIELDS } from './record-fields';
import type {
  ActivityRecord,
  AppointmentRecord,
  NoteRecord,
  SaleRecord,
  StatusRecord,
  TaskRecord,
} from './records';
import {
  ANSWERED_BY,
  CHANNELS,
  DIRECTIONS,
  EVIDENCE_KINDS,
  LEAD_STATUSES,
  OUTCOMES,
  TASK_TYPES,
} from './records';
import {
  checkAddress,
  checkBoolean,
  checkId,
  checkLongText,
  checkShortText,
  choiceCheck,
  numberCheck,
} from './value-checks';

const checkTaskType = choiceCheck(TASK_TYPES);
const checkChannel = choiceCheck(CHANNELS);
const checkDirection = choiceCheck(DIRECTIONS);
const checkEvidence = choiceCheck(EVIDENCE_KINDS);
const checkAnsweredBy = choiceCheck(ANSWERED_BY);
const checkOutcome = choiceCheck(OUTCOMES);
const checkStatus = choiceCheck(LEAD_STATUSES);
const checkDuration = numberCheck(0, FIELD_LIMITS.durationSec, false);

/*
 * Each validator reads the fields in interchange.md's order (so a line's errors are reported in
 * that order) and builds the record with its keys in jsonb's order: shorter keys first, then
 * bytewise. The stored JSON is this object's JSON.stringify, and PostgreSQL then finds every
 * object already sorted (jsonb_in sorts the keys of each object it parses; on already sorted
 * keys the sort is a single pass, which made parsing a record ~40 % cheaper).
 */

export function validateTask(fields: FieldReader, line: number): TaskRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.task);
  const storeId = fields.required('storeId', checkId, '');
  const leadId = fields.required('leadId', checkId, '');
  const taskType = fields.required('taskType', checkTaskType, 'other');
  const assignedTo = fields.optional('assignedTo', checkId);
  const createdAt = fields.optionalInstant('createdAt');
  const dueAt = fields.requiredInstant('dueAt');
  const completedAt = fields.optionalInstant('completedAt');
  const completedBy = fields.optional('completedBy', checkId);
  const dismissedAt = fields.optionalInstant('dismissedAt');
  const comment = fields.optional('comment', checkLongText);
  return {
    id,
    raw,
    line,
    type: 'task',
    dueAt,
    leadId,
    comment,
    storeId,
    taskType,
    createdAt,
    assignedTo,
    completedAt,
    completedBy,
    dismissedAt,
  };
}

export function validateActivity(fields: FieldReader, line: number): ActivityRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.activity);
  const storeId = fields.required('storeId', checkId, '');
  const leadId = fields.optional('leadId', checkId);
  const channel = fields.required('channel', checkChannel, 'other');
  const direction = fields.required('direction', checkDirection, 'outbound');
  const evidence = fields.required('evidence', checkEvidence, 'claimed');
  const at = fields.requiredInstant('at');
  const userId = fields.optional('userId', checkId);
  const from = fields.optional('from', checkAddress);
  const to = fields.optional('to', checkAddress);
  const durationSec = fields.optional('durationSec', checkDuration);
  const answeredBy = fields.optional('answeredBy', checkAnsweredBy);
  const outcome = fields.optional('outcome', checkOutcome);
  const transcript = fields.optional('transcript', checkLongText);
  const subject = fields.optional('subject', checkShortText);
  const automated = fields.optional('automated', checkBoolean, false) ?? false;
  const comment = fields.optional('comment', checkLongText);
  return {
    at,
    id,
    to,
    raw,
    from,
    line,
    type: 'activity',
    leadId,
    userId,
    channel,
    comment,
    outcome,
    storeId,
    subject,
    evidence,
    automated,
    direction,
    answeredBy,
    transcript,
    durationSec,
  };
}

export function validateNote(fields: FieldReader, line: number): NoteRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.note);
  const storeId = fields.required('storeId', checkId, '');
  const leadId = fields.required('leadId', checkId, '');
  const at = fields.requiredInstant('at');
  const userId = fields.optional('userId', checkId);
  const text = fields.required('text', checkLongText, '');
  return { at, id, raw, line, text, type: 'note', leadId, userId, storeId };
}

export function validateAppointment(fields: FieldReader, line: number): AppointmentRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.appointment);
  const storeId = fields.required('storeId', checkId, '');
  const leadId = fields.required('leadId', checkId, '');
  const setAt = fields.requiredInstant('setAt');
  const setBy = fields.optional('setBy', checkId);
  const startsAt = fields.requiredInstant('startsAt');
  const confirmedAt = fields.optionalInstant('confirmedAt');
  const shownAt = fields.optionalInstant('shownAt');
  const cancelledAt = fields.optionalInstant('cancelledAt');
  return {
    id,
    raw,
    line,
    type: 'appointment',
    setAt,
    setBy,
    leadId,
    shownAt,
    storeId,
    startsAt,
    cancelledAt,
    confirmedAt,
  };
}

export function validateStatus(fields: FieldReader, line: number): StatusRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.status);
  const storeId = fields.required('storeId', checkId, '');
  const leadId = fields.required('leadId', checkId, '');
  const at = fields.requiredInstant('at');
  const status = fields.required('status', checkStatus, 'active');
  const by = fields.optional('by', checkId);
  const reason = fields.optional('reason', checkShortText);
  return { at, by, id, raw, line, type: 'status', leadId, reason, status, storeId };
}

export function validateSale(fields: FieldReader, line: number): SaleRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.sale);
  const storeId = fields.required('storeId', checkId, '');
  const leadId = fields.required('leadId', checkId, '');
  const soldAt = fields.requiredInstant('soldAt');
  const userId = fields.optional('userId', checkId);
  return { id, raw, line, type: 'sale', leadId, soldAt, userId, storeId };
}
