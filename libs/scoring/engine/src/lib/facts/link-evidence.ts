import type {
  ActivityRecord,
  AppointmentRecord,
  LeadRecord,
  NoteRecord,
  SaleRecord,
  StatusRecord,
  StoreEvidence,
  TaskRecord,
} from '@candor/evidence-domain';
import type { StoreContext } from './store-context';

/** A lead and every piece of evidence linked to it that is visible at `asOf`. */
export interface LeadEvidence {
  lead: LeadRecord;
  tasks: TaskRecord[];
  activities: ActivityRecord[];
  notes: NoteRecord[];
  appointments: AppointmentRecord[];
  statuses: StatusRecord[];
  sales: SaleRecord[];
}

export interface LinkReport {
  byLead: Map<string, LeadEvidence>;
  /** Activities whose counterpart matched no lead received before them. */
  unlinkedActivities: number;
  /** Records naming a lead the bundle does not contain. */
  orphanRecords: number;
}

const byTimeThenId =
  <T extends { id: string }>(time: (r: T) => number) =>
  (a: T, b: T) =>
    time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The counterpart of an activity: whom the store contacted, or who contacted the store. */
function counterpart(ctx: StoreContext, a: ActivityRecord): string | null {
  const raw = a.direction === 'outbound' ? a.to : a.from;
  if (raw === null) return null;
  return a.channel === 'email' ? ctx.email(raw) : ctx.phone(raw);
}

/**
 * Links evidence to leads: by `leadId`, or, for an activity without one, by its counterpart's
 * normalized phone or e-mail. When several leads share the customer (repeat shoppers), the
 * activity goes to the latest lead received at or before it; none received before: unlinked.
 * Everything after `asOf` is dropped here, so no later step can see it.
 */
export function linkEvidence(evidence: StoreEvidence, ctx: StoreContext): LinkReport {
  const asOf = ctx.asOf;
  const byLead = new Map<string, LeadEvidence>();
  const leads = evidence.leads
    .filter((l) => l.receivedAt <= asOf)
    .sort(byTimeThenId((l) => l.receivedAt));
  const byContact = new Map<string, LeadRecord[]>();
  for (const lead of leads) {
    byLead.set(lead.id, {
      lead,
      tasks: [],
      activities: [],
      notes: [],
      appointments: [],
      statuses: [],
      sales: [],
    });
    const contacts = new Set<string>();
    for (const e of lead.customer.emails) {
      const n = ctx.email(e);
      if (n) contacts.add(n);
    }
    for (const p of lead.customer.phones) {
      const n = ctx.phone(p);
      if (n) contacts.add(n);
    }
    for (const c of contacts) {
      const list = byContact.get(c);
      if (list) list.push(lead);
      else byContact.set(c, [lead]);
    }
  }

  let orphanRecords = 0;
  let unlinkedActivities = 0;
  const attach = <K extends Exclude<keyof LeadEvidence, 'lead'>>(
    key: K,
    leadId: string,
    record: LeadEvidence[K][number],
  ) => {
    const target = byLead.get(leadId);
    if (target) (target[key] as unknown[]).push(record);
    else orphanRecords++;
  };

  for (const t of evidence.tasks) {
    if (t.createdAt === null || t.createdAt <= asOf) attach('tasks', t.leadId, t);
  }
  for (const n of evidence.notes) if (n.at <= asOf) attach('notes', n.leadId, n);
  for (const a of evidence.appointments) if (a.setAt <= asOf) attach('appointments', a.leadId, a);
  for (const s of evidence.statuses) if (s.at <= asOf) attach('statuses', s.leadId, s);
  for (const s of evidence.sales) if (s.soldAt <= asOf) attach('sales', s.leadId, s);
  for (const a of evidence.activities) {
    if (a.at > asOf) continue;
    if (a.leadId !== null) {
      attach('activities', a.leadId, a);
      continue;
    }
    const contact = counterpart(ctx, a);
    const candidates = contact ? byContact.get(contact) : undefined;
    let match: LeadRecord | undefined;
    for (const lead of candidates ?? []) {
      if (lead.receivedAt <= a.at) match = lead;
      else break;
    }
    if (match) byLead.get(match.id)!.activities.push(a);
    else unlinkedActivities++;
  }

  for (const e of byLead.values()) {
    e.tasks.sort(byTimeThenId((t) => t.dueAt));
    e.activities.sort(byTimeThenId((a) => a.at));
    e.notes.sort(byTimeThenId((n) => n.at));
    e.appointments.sort(byTimeThenId((a) => a.setAt));
    e.statuses.sort(byTimeThenId((s) => s.at));
    e.sales.sort(byTimeThenId((s) => s.soldAt));
  }
  return { byLead, unlinkedActivities, orphanRecords };
}
