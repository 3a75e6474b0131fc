/**
 * The evidence bundle (v1) after validation: one type per record `type` of interchange.md.
 * Times are epoch milliseconds (UTC instants); the original text is not needed once parsed,
 * because every instant in the bundle carries its own offset. Optional fields the bundle left
 * out are `null` (lists are empty), so consumers never test for `undefined`. Fields the format
 * does not know are kept in `raw` and ignored by scoring.
 */
export type Instant = number;

export const RECORD_TYPES = [
  'store',
  'user',
  'lead',
  'task',
  'activity',
  'note',
  'appointment',
  'status',
  'sale',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `[open, close]` as `HH:MM` store-local, or null for a closed day. */
export type WeeklyHours = Record<Weekday, readonly [string, string] | null>;

interface Base {
  id: string;
  /** 1-based line of the bundle the record came from (0 when built in code). */
  line: number;
  /** Fields the format does not define, kept as they were. */
  raw: Record<string, unknown> | null;
}

export interface StoreRecord extends Base {
  type: 'store';
  name: string;
  names: string[];
  timeZone: string;
  /** Lower-case domains, no `@`. */
  emailDomains: string[];
  /** As given; consumers normalize (E.164) with the store's region. */
  phoneNumbers: string[];
  /** null when the bundle gives none (see the scoring README for how that is graded). */
  businessHours: WeeklyHours | null;
}

export const USER_ROLES = ['bdc', 'sales', 'manager', 'other'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface UserRecord extends Base {
  type: 'user';
  storeId: string;
  name: string;
  role: UserRole | null;
  emails: string[];
  phoneNumbers: string[];
}

export const LEAD_KINDS = ['internet', 'phone', 'walk_in', 'other'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

export interface Vehicle {
  year: number | null;
  make: string | null;
  model: string | null;
  status: string | null;
}

export interface LeadRecord extends Base {
  type: 'lead';
  storeId: string;
  receivedAt: Instant;
  requestedAt: Instant | null;
  source: string | null;
  kind: LeadKind;
  assignedTo: string | null;
  customer: { name: string | null; emails: string[]; phones: string[] };
  vehicle: Vehicle | null;
  comments: string | null;
}

export const TASK_TYPES = ['call', 'email', 'text', 'appointment', 'other'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export interface TaskRecord extends Base {
  type: 'task';
  storeId: string;
  leadId: string;
  taskType: TaskType;
  assignedTo: string | null;
  createdAt: Instant | null;
  dueAt: Instant;
  completedAt: Instant | null;
  completedBy: string | null;
  dismissedAt: Instant | null;
  comment: string | null;
}

export const CHANNELS = ['call', 'email', 'text', 'visit', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const EVIDENCE_KINDS = ['recorded', 'claimed'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const ANSWERED_BY = ['human', 'machine', 'unknown'] as const;
export type AnsweredBy = (typeof ANSWERED_BY)[number];
export const OUTCOMES = [
  'connected',
  'voicemail',
  'no_answer',
  'busy',
  'failed',
  'sent',
  'delivered',
  'bounced',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ActivityRecord extends Base {
  type: 'activity';
  storeId: string;
  leadId: string | null;
  channel: Channel;
  direction: Direction;
  evidence: EvidenceKind;
  at: Instant;
  userId: string | null;
  from: string | null;
  to: string | null;
  durationSec: number | null;
  answeredBy: AnsweredBy | null;
  outcome: Outcome | null;
  transcript: string | null;
  subject: string | null;
  automated: boolean;
  /** What a person typed with a claimed activity (CRM call log comment); filler detection. */
  comment: string | null;
}

export interface NoteRecord extends Base {
  type: 'note';
  storeId: string;
  leadId: string;
  at: Instant;
  userId: string | null;
  text: string;
}

export interface AppointmentRecord extends Base {
  type: 'appointment';
  storeId: string;
  leadId: string;
  setAt: Instant;
  setBy: string | null;
  startsAt: Instant;
  confirmedAt: Instant | null;
  shownAt: Instant | null;
  cancelledAt: Instant | null;
}

export const LEAD_STATUSES = ['active', 'lost', 'bad', 'inactive', 'sold'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export interface StatusRecord extends Base {
  type: 'status';
  storeId: string;
  leadId: string;
  at: Instant;
  status: LeadStatus;
  by: string | null;
  reason: string | null;
}

export interface SaleRecord extends Base {
  type: 'sale';
  storeId: string;
  leadId: string;
  soldAt: Instant;
  userId: string | null;
}

export type EvidenceRecord =
  | StoreRecord
  | UserRecord
  | LeadRecord
  | TaskRecord
  | ActivityRecord
  | NoteRecord
  | AppointmentRecord
  | StatusRecord
  | SaleRecord;

/** The store a record belongs to (a store record belongs to itself). */
export function storeIdOf(record: EvidenceRecord): string {
  return record.type === 'store' ? record.id : record.storeId;
}

/** The identity duplicates are judged by: `(storeId, type, id)`. */
export function recordKey(record: EvidenceRecord): string {
  return `${storeIdOf(record)}\u0000${record.type}\u0000${record.id}`;
}
