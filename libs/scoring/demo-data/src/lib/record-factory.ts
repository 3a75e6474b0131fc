import type {
  ActivityRecord,
  AppointmentRecord,
  NoteRecord,
  SaleRecord,
  StatusRecord,
  TaskRecord,
} from '@candor/evidence-domain';

/**
 * Record constructors with every optional field present as null, so each record has one fixed
 * shape (the validated contract, and monomorphic objects keep the generator fast). Ids are the
 * kind of ids each source system would give, numbered per store: `T7-1042` is store 7's task 1042.
 */
export class IdSequence {
  private readonly counters = new Map<string, number>();

  constructor(private readonly storeNumber: number) {}

  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 1000) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${this.storeNumber}-${n}`;
  }
}

type Base = { id: string; storeId: string; leadId: string };

export function newTask(
  base: Base,
  fields: Pick<TaskRecord, 'taskType' | 'assignedTo' | 'createdAt' | 'dueAt'>,
): TaskRecord {
  return {
    type: 'task',
    id: base.id,
    line: 0,
    raw: null,
    storeId: base.storeId,
    leadId: base.leadId,
    taskType: fields.taskType,
    assignedTo: fields.assignedTo,
    createdAt: fields.createdAt,
    dueAt: fields.dueAt,
    completedAt: null,
    completedBy: null,
    dismissedAt: null,
    comment: null,
  };
}

/** The optional details of an activity (who, which numbers, how it went). */
export type ActivityDetail = Partial<
  Omit<
    ActivityRecord,
    | 'type'
    | 'id'
    | 'line'
    | 'raw'
    | 'storeId'
    | 'leadId'
    | 'channel'
    | 'direction'
    | 'evidence'
    | 'at'
  >
>;
export type ActivityFields = Pick<ActivityRecord, 'channel' | 'direction' | 'evidence' | 'at'> &
  ActivityDetail;

export function newActivity(base: Base, fields: ActivityFields): ActivityRecord {
  return {
    type: 'activity',
    id: base.id,
    line: 0,
    raw: null,
    storeId: base.storeId,
    leadId: base.leadId,
    channel: fields.channel,
    direction: fields.direction,
    evidence: fields.evidence,
    at: fields.at,
    userId: fields.userId ?? null,
    from: fields.from ?? null,
    to: fields.to ?? null,
    durationSec: fields.durationSec ?? null,
    answeredBy: fields.answeredBy ?? null,
    outcome: fields.outcome ?? null,
    transcript: fields.transcript ?? null,
    subject: fields.subject ?? null,
    automated: fields.automated ?? false,
    comment: fields.comment ?? null,
  };
}

export function newNote(base: Base, at: number, userId: string | null, text: string): NoteRecord {
  return { type: 'note', ...ids(base), at, userId, text };
}

export function newAppointment(
  base: Base,
  setAt: number,
  setBy: string | null,
  startsAt: number,
): AppointmentRecord {
  return {
    type: 'appointment',
    ...ids(base),
    setAt,
    setBy,
    startsAt,
    confirmedAt: null,
    shownAt: null,
    cancelledAt: null,
  };
}

export function newStatus(
  base: Base,
  at: number,
  status: StatusRecord['status'],
  by: string | null,
  reason: string | null,
): StatusRecord {
  return { type: 'status', ...ids(base), at, status, by, reason };
}

export function newSale(base: Base, soldAt: number, userId: string | null): SaleRecord {
  return { type: 'sale', ...ids(base), soldAt, userId };
}

function ids(base: Base) {
  return { id: base.id, line: 0, raw: null, storeId: base.storeId, leadId: base.leadId };
}
