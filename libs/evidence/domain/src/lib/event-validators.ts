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

export function validateTask(fields: FieldReader, line: number): TaskRecord {
  return {
    type: 'task',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.task),
    storeId: fields.required('storeId', checkId, ''),
    leadId: fields.required('leadId', checkId, ''),
    taskType: fields.required('taskType', checkTaskType, 'other'),
    assignedTo: fields.optional('assignedTo', checkId),
    createdAt: fields.optionalInstant('createdAt'),
    dueAt: fields.requiredInstant('dueAt'),
    completedAt: fields.optionalInstant('completedAt'),
    completedBy: fields.optional('completedBy', checkId),
    dismissedAt: fields.optionalInstant('dismissedAt'),
    comment: fields.optional('comment', checkLongText),
  };
}

export function validateActivity(fields: FieldReader, line: number): ActivityRecord {
  return {
    type: 'activity',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.activity),
    storeId: fields.required('storeId', checkId, ''),
    leadId: fields.optional('leadId', checkId),
    channel: fields.required('channel', checkChannel, 'other'),
    direction: fields.required('direction', checkDirection, 'outbound'),
    evidence: fields.required('evidence', checkEvidence, 'claimed'),
    at: fields.requiredInstant('at'),
    userId: fields.optional('userId', checkId),
    from: fields.optional('from', checkAddress),
    to: fields.optional('to', checkAddress),
    durationSec: fields.optional('durationSec', checkDuration),
    answeredBy: fields.optional('answeredBy', checkAnsweredBy),
    outcome: fields.optional('outcome', checkOutcome),
    transcript: fields.optional('transcript', checkLongText),
    subject: fields.optional('subject', checkShortText),
    automated: fields.optional('automated', checkBoolean, false) ?? false,
    comment: fields.optional('comment', checkLongText),
  };
}

export function validateNote(fields: FieldReader, line: number): NoteRecord {
  return {
    type: 'note',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.note),
    storeId: fields.required('storeId', checkId, ''),
    leadId: fields.required('leadId', checkId, ''),
    at: fields.requiredInstant('at'),
    userId: fields.optional('userId', checkId),
    text: fields.required('text', checkLongText, ''),
  };
}

export function validateAppointment(fields: FieldReader, line: number): AppointmentRecord {
  return {
    type: 'appointment',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.appointment),
    storeId: fields.required('storeId', checkId, ''),
    leadId: fields.required('leadId', checkId, ''),
    setAt: fields.requiredInstant('setAt'),
    setBy: fields.optional('setBy', checkId),
    startsAt: fields.requiredInstant('startsAt'),
    confirmedAt: fields.optionalInstant('confirmedAt'),
    shownAt: fields.optionalInstant('shownAt'),
    cancelledAt: fields.optionalInstant('cancelledAt'),
  };
}

export function validateStatus(fields: FieldReader, line: number): StatusRecord {
  return {
    type: 'status',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.status),
    storeId: fields.required('storeId', checkId, ''),
    leadId: fields.required('leadId', checkId, ''),
    at: fields.requiredInstant('at'),
    status: fields.required('status', checkStatus, 'active'),
    by: fields.optional('by', checkId),
    reason: fields.optional('reason', checkShortText),
  };
}

export function validateSale(fields: FieldReader, line: number): SaleRecord {
  return {
    type: 'sale',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.sale),
    storeId: fields.required('storeId', checkId, ''),
    leadId: fields.required('leadId', checkId, ''),
    soldAt: fields.requiredInstant('soldAt'),
    userId: fields.optional('userId', checkId),
  };
}
