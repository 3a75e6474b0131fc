import type {
  ActivityRecord,
  AppointmentRecord,
  EvidenceRecord,
  LeadRecord,
  NoteRecord,
  SaleRecord,
  StatusRecord,
  StoreRecord,
  TaskRecord,
  UserRecord,
} from '@candor/evidence-domain';
import { WEEKDAYS } from '@candor/evidence-domain';
import { DateTime } from 'luxon';
import type { DemoManifest } from './demo-evidence';
import { demoManifest, generateDemoEvidence } from './demo-evidence';
import type { DemoOptions } from './demo-options';

/**
 * A generated bundle regrouped per lead for tests, plus small readings of the raw evidence in
 * the terms of scoring.md. Computed independently of the generator's own helpers (Luxon for
 * local time), so a test cannot pass just because both sides share a bug.
 */
export interface LeadFacts {
  lead: LeadRecord;
  store: StoreRecord;
  tasks: TaskRecord[];
  activities: ActivityRecord[];
  notes: NoteRecord[];
  appointments: AppointmentRecord[];
  statuses: StatusRecord[];
  sales: SaleRecord[];
}

export interface DemoSample {
  options: DemoOptions;
  manifest: DemoManifest;
  records: EvidenceRecord[];
  stores: StoreRecord[];
  users: UserRecord[];
  leads: LeadFacts[];
}

export const SAMPLE_OPTIONS: DemoOptions = { stores: 2, days: 60, seed: 20261102 };

export function demoSample(options: DemoOptions = SAMPLE_OPTIONS): DemoSample {
  const records = [...generateDemoEvidence(options)];
  const stores = new Map<string, StoreRecord>();
  const users: UserRecord[] = [];
  const leads = new Map<string, LeadFacts>();
  for (const record of records) {
    if (record.type === 'store') stores.set(record.id, record);
    else if (record.type === 'user') users.push(record);
    else if (record.type === 'lead') {
      const store = stores.get(record.storeId);
      if (!store) throw new Error(`lead ${record.id} before its store`);
      leads.set(record.id, {
        lead: record,
        store,
        tasks: [],
        activities: [],
        notes: [],
        appointments: [],
        statuses: [],
        sales: [],
      });
    } else {
      const facts = record.leadId === null ? undefined : leads.get(record.leadId);
      if (!facts) throw new Error(`${record.type} ${record.id} before its lead`);
      if (record.type === 'task') facts.tasks.push(record);
      else if (record.type === 'activity') facts.activities.push(record);
      else if (record.type === 'note') facts.notes.push(record);
      else if (record.type === 'appointment') facts.appointments.push(record);
      else if (record.type === 'status') facts.statuses.push(record);
      else facts.sales.push(record);
    }
  }
  return {
    options,
    manifest: demoManifest(options),
    records,
    stores: [...stores.values()],
    users,
    leads: [...leads.values()],
  };
}

/** scoring.md's genuine attempt: outbound, recorded, not automated, call/email/text. */
export function isGenuine(a: ActivityRecord): boolean {
  return (
    a.direction === 'outbound' &&
    a.evidence === 'recorded' &&
    !a.automated &&
    (a.channel === 'call' || a.channel === 'email' || a.channel === 'text')
  );
}

export function isConnectedCall(a: ActivityRecord): boolean {
  return (
    isGenuine(a) &&
    a.channel === 'call' &&
    (a.answeredBy === 'human' || a.outcome === 'connected') &&
    (a.durationSec ?? 0) >= 30
  );
}

/** Two-way contact: the shopper wrote, called or answered (a showroom visit is not contact). */
export function hadTwoWayContact(facts: LeadFacts): boolean {
  return facts.activities.some(
    (a) => (a.direction === 'inbound' && a.channel !== 'visit') || isConnectedCall(a),
  );
}

/** The moment an agent could first act on a lead: its arrival, or the store's next opening. */
export function firstWorkableMoment(store: StoreRecord, at: number): number {
  const hours = store.businessHours;
  if (!hours) return at;
  let local = DateTime.fromMillis(at, { zone: store.timeZone });
  for (let i = 0; i < 8; i++) {
    const span = hours[WEEKDAYS[local.weekday - 1] ?? 'mon'];
    if (span) {
      const open = local.set(clock(span[0]));
      const close = local.set(clock(span[1]));
      if (local < close) return Math.max(local.toMillis(), open.toMillis());
    }
    local = local.plus({ days: 1 }).startOf('day');
  }
  throw new Error(`store ${store.id} never opens`);
}

function clock(hhmm: string) {
  return {
    hour: Number(hhmm.slice(0, 2)),
    minute: Number(hhmm.slice(3)),
    second: 0,
    millisecond: 0,
  };
}

export function share(hits: number, total: number): number {
  return total === 0 ? Number.NaN : hits / total;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number): number => sorted[i] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

export const MINUTES = 60_000;
export const DAYS = 86_400_000;
