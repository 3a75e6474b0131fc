import { DateTime } from 'luxon';
import type {
  ActivityRecord,
  AppointmentRecord,
  LeadRecord,
  NoteRecord,
  SaleRecord,
  StatusRecord,
  StoreEvidence,
  StoreRecord,
  TaskRecord,
  UserRecord,
} from '@candor/evidence-domain';
import { emptyStoreEvidence } from '@candor/evidence-domain';
import { grade } from '../grade';
import { DEFAULT_POLICY } from '../policy/default-policy';
import type { Policy } from '../policy/policy';
import type { MetricId } from '../policy/metric-ids';
import type { StoreReport } from '../report/report.types';

/** Test-only: builds evidence for "Smith Toyota" (America/Chicago) with readable local times. */
export const ZONE = 'America/Chicago';
export const STORE_ID = 'smith-toyota';
export const STORE_LINE = '+13125550100';
export const CUSTOMER_PHONE = '+13125559876';

/** A local wall time like '2026-03-02 09:14' (a Monday) as epoch ms. */
export function t(local: string): number {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toMillis();
}

export const addMin = (ms: number, minutes: number) => ms + minutes * 60_000;

const base = { line: 0, raw: null };

export function store(overrides: Partial<StoreRecord> = {}): StoreRecord {
  return {
    ...base,
    type: 'store',
    id: STORE_ID,
    name: 'Smith Toyota',
    names: ['Smith Toyota', 'Smith'],
    timeZone: ZONE,
    emailDomains: ['smithtoyota.com'],
    phoneNumbers: [STORE_LINE, '+13125550101'],
    businessHours: {
      mon: ['09:00', '20:00'],
      tue: ['09:00', '20:00'],
      wed: ['09:00', '20:00'],
      thu: ['09:00', '20:00'],
      fri: ['09:00', '20:00'],
      sat: ['09:00', '18:00'],
      sun: null,
    },
    ...overrides,
  };
}

export function user(id: string, name: string, overrides: Partial<UserRecord> = {}): UserRecord {
  return {
    ...base,
    type: 'user',
    id,
    storeId: STORE_ID,
    name,
    role: 'bdc',
    emails: [],
    phoneNumbers: [],
    ...overrides,
  };
}

export function lead(
  id: string,
  receivedAt: number,
  overrides: Partial<LeadRecord> = {},
): LeadRecord {
  return {
    ...base,
    type: 'lead',
    id,
    storeId: STORE_ID,
    receivedAt,
    requestedAt: null,
    source: 'cars.com',
    kind: 'internet',
    assignedTo: 'u-dana',
    customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: [CUSTOMER_PHONE] },
    vehicle: null,
    comments: null,
    ...overrides,
  };
}

export function activity(
  id: string,
  at: number,
  overrides: Partial<ActivityRecord> = {},
): ActivityRecord {
  return {
    ...base,
    type: 'activity',
    id,
    storeId: STORE_ID,
    leadId: null,
    channel: 'call',
    direction: 'outbound',
    evidence: 'recorded',
    at,
    userId: 'u-dana',
    from: STORE_LINE,
    to: CUSTOMER_PHONE,
    durationSec: 12,
    answeredBy: null,
    outcome: null,
    transcript: null,
    subject: null,
    automated: false,
    comment: null,
    ...overrides,
  };
}

/** A recorded outbound call from a store line, linked to `leadId`. */
export const call = (id: string, at: number, leadId: string, o: Partial<ActivityRecord> = {}) =>
  activity(id, at, { leadId, ...o });

/** A recorded outbound store e-mail, linked to `leadId`. */
export const email = (id: string, at: number, leadId: string, o: Partial<ActivityRecord> = {}) =>
  activity(id, at, {
    leadId,
    channel: 'email',
    from: 'dana@smithtoyota.com',
    to: 'pat@example.org',
    durationSec: null,
    outcome: 'sent',
    ...o,
  });

export function task(
  id: string,
  leadId: string,
  dueAt: number,
  overrides: Partial<TaskRecord> = {},
): TaskRecord {
  return {
    ...base,
    type: 'task',
    id,
    storeId: STORE_ID,
    leadId,
    taskType: 'call',
    assignedTo: 'u-dana',
    createdAt: null,
    dueAt,
    completedAt: null,
    completedBy: null,
    dismissedAt: null,
    comment: null,
    ...overrides,
  };
}

export const note = (id: string, leadId: string, at: number, text: string): NoteRecord => ({
  ...base,
  type: 'note',
  id,
  storeId: STORE_ID,
  leadId,
  at,
  userId: 'u-dana',
  text,
});

export function appointment(
  id: string,
  leadId: string,
  setAt: number,
  startsAt: number,
  o: Partial<AppointmentRecord> = {},
): AppointmentRecord {
  return {
    ...base,
    type: 'appointment',
    id,
    storeId: STORE_ID,
    leadId,
    setAt,
    setBy: 'u-dana',
    startsAt,
    confirmedAt: null,
    shownAt: null,
    cancelledAt: null,
    ...o,
  };
}

export function status(
  id: string,
  leadId: string,
  at: number,
  value: StatusRecord['status'],
  o: Partial<StatusRecord> = {},
): StatusRecord {
  return {
    ...base,
    type: 'status',
    id,
    storeId: STORE_ID,
    leadId,
    at,
    status: value,
    by: 'u-dana',
    reason: null,
    ...o,
  };
}

export const sale = (id: string, leadId: string, soldAt: number): SaleRecord => ({
  ...base,
  type: 'sale',
  id,
  storeId: STORE_ID,
  leadId,
  soldAt,
  userId: 'u-dana',
});

export type TestRecord =
  | StoreRecord
  | UserRecord
  | LeadRecord
  | TaskRecord
  | ActivityRecord
  | NoteRecord
  | AppointmentRecord
  | StatusRecord
  | SaleRecord;

export function evidence(records: TestRecord[]): StoreEvidence {
  const e = emptyStoreEvidence(STORE_ID);
  for (const r of records) {
    if (r.type === 'store') e.store = r;
    else if (r.type === 'user') e.users.push(r);
    else if (r.type === 'lead') e.leads.push(r);
    else if (r.type === 'task') e.tasks.push(r);
    else if (r.type === 'activity') e.activities.push(r);
    else if (r.type === 'note') e.notes.push(r);
    else if (r.type === 'appointment') e.appointments.push(r);
    else if (r.type === 'status') e.statuses.push(r);
    else e.sales.push(r);
  }
  return e;
}

export const DANA = user('u-dana', 'Dana Reyes', {
  emails: ['dana@smithtoyota.com'],
  phoneNumbers: ['+13125550117'],
});

/** Grades records (a store and Dana are added) over March 2026, judged at `asOf`. */
export function gradeRecords(
  records: TestRecord[],
  options: { from?: number; to?: number; asOf?: number; policy?: Policy } = {},
): StoreReport {
  const from = options.from ?? t('2026-03-01 00:00');
  const to = options.to ?? t('2026-04-01 00:00');
  const report = grade([evidence([store(), DANA, ...records])], {
    window: { from, to, asOf: options.asOf ?? to },
    policy: options.policy ?? DEFAULT_POLICY,
  });
  return report.stores[0]!;
}

export const value = (r: StoreReport, id: MetricId) => r.metrics[id].value;
export const n = (r: StoreReport, id: MetricId) => r.metrics[id].n;
