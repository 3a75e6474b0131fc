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

/** Sorts in place unless already in order: exports usually are, and checking is linear. */
function sortBy<T extends { id: string }>(items: T[], time: (r: T) => number): void {
  const order = byTimeThenId(time);
  for (let i = 1; i < items.length; i++) {
    if (order(items[i - 1]!, items[i]!) > 0) {
      items.sort(order);
      return;
    }
  }
}

/** The counterpart of an activity: whom the store contacted, or who contacted the store. */
function counterpart(ctx: StoreContext, a: ActivityRecord): string | null {
  const raw = a.direction === 'outbound' ? a.to : a.from;
  if (raw === null) return null;
  return a.channel === 'email' ? ctx.email(raw) : ctx.phone(raw);
}

/** Leads by normalized customer phone and e-mail, in arrival order (for activities without a lead id). */
function contactIndex(leads: readonly LeadRecord[], ctx: StoreContext): Map<string, LeadRecord[]> {
  const byContact = new Map<string, LeadRecord[]>();
  for (const lead of leads) {
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
  return byContact;
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
  }

  // One loop per record type (a shared keyed helper made the hot loop megamorphic).
  let orphanRecords = 0;
  for (const t of evidence.tasks) {
    if (t.createdAt !== null && t.createdAt > asOf) continue;
    const target = byLead.get(t.leadId);
    if (target) target.tasks.push(t);
    else orphanRecords++;
  }
  for (const n of evidence.notes) {
    if (n.at > asOf) continue;
    const target = byLead.get(n.leadId);
    if (target) target.notes.push(n);
    else orphanRecords++;
  }
  for (const a of evidence.appointments) {
    if (a.setAt > asOf) continue;
    const target = byLead.get(a.leadId);
    if (target) target.appointments.push(a);
    else orphanRecords++;
  }
  for (const st of evidence.statuses) {
    if (st.at > asOf) continue;
    const target = byLead.get(st.leadId);
    if (target) target.statuses.push(st);
    else orphanRecords++;
  }
  for (const sale of evidence.sales) {
    if (sale.soldAt > asOf) continue;
    const target = byLead.get(sale.leadId);
    if (target) target.sales.push(sale);
    else orphanRecords++;
  }

  let byContact: Map<string, LeadRecord[]> | null = null;
  let unlinkedActivities = 0;
  for (const a of evidence.activities) {
    if (a.at > asOf) continue;
    if (a.leadId !== null) {
      const target = byLead.get(a.leadId);
      if (target) target.activities.push(a);
      else orphanRecords++;
      continue;
    }
    byContact ??= contactIndex(leads, ctx);
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
    sortBy(e.tasks, (t) => t.dueAt);
    sortBy(e.activities, (a) => a.at);
    sortBy(e.notes, (n) => n.at);
    sortBy(e.appointments, (a) => a.setAt);
    sortBy(e.statuses, (s) => s.at);
    sortBy(e.sales, (s) => s.soldAt);
  }
  return { byLead, unlinkedActivities, orphanRecords };
}
