import type { ActivityRecord, LeadRecord } from '@candor/evidence-domain';
import type { ContactNormalizers } from './identity-directory';

/** The time rule's two settings (see the README). */
export interface LinkRule {
  /** A lead received up to this long after the activity still gets it (calls logged late). */
  graceMs: number;
  /** Leads received longer than this before the activity are not candidates. */
  lookbackMs: number;
}

export const DEFAULT_LINK_RULE: LinkRule = {
  graceMs: 5 * 60_000,
  lookbackMs: 90 * 86_400_000,
};

export type LeadMatch =
  | { outcome: 'kept'; leadId: string }
  | { outcome: 'linked'; leadId: string; contact: string }
  | {
      outcome: 'ambiguous';
      contact: string;
      candidates: string[];
      reason: 'different_customers' | 'within_grace';
    }
  | { outcome: 'unmatched'; contact: string | null; reason: 'no_contact' | 'no_lead_in_window' };

/** Leads by normalized customer contact, each list in arrival order (then id). */
export type ContactIndex = ReadonlyMap<string, readonly LeadRecord[]>;

export function indexLeadsByContact(
  leads: readonly LeadRecord[],
  normalize: ContactNormalizers,
): ContactIndex {
  const sorted = [...leads].sort(
    (a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const byContact = new Map<string, LeadRecord[]>();
  const contacts = new Set<string>();
  for (const lead of sorted) {
    contacts.clear();
    for (const e of lead.customer.emails) {
      const n = normalize.email(e);
      if (n) contacts.add(n);
    }
    for (const p of lead.customer.phones) {
      const n = normalize.phone(p);
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

/** The customer's side of an activity, normalized: whom the store contacted, or who called in. */
export function customerContact(a: ActivityRecord, normalize: ContactNormalizers): string | null {
  const raw = a.direction === 'outbound' ? a.to : a.from;
  if (raw === null) return null;
  return a.channel === 'email' ? normalize.email(raw) : normalize.phone(raw);
}

const personName = (lead: LeadRecord): string | null => {
  const name = lead.customer.name?.trim().toLowerCase().replace(/\s+/g, ' ');
  return name ? name : null;
};

/**
 * The lead an activity without a lead id belongs to (the rule in the README): the latest lead
 * of the same normalized contact received no later than `at + grace` and no earlier than
 * `at - lookback`. It is ambiguous, and nothing is linked, when another candidate in the window
 * names a different customer, or when the runner-up arrived within the grace of the latest (the
 * time cannot tell them apart).
 */
export function linkActivityToLead(
  a: ActivityRecord,
  byContact: ContactIndex,
  normalize: ContactNormalizers,
  rule: LinkRule = DEFAULT_LINK_RULE,
): LeadMatch {
  if (a.leadId !== null) return { outcome: 'kept', leadId: a.leadId };
  const contact = customerContact(a, normalize);
  if (contact === null) return { outcome: 'unmatched', contact: null, reason: 'no_contact' };
  const leads = byContact.get(contact) ?? [];
  const latestAllowed = a.at + rule.graceMs;
  const earliestAllowed = a.at - rule.lookbackMs;
  let end = leads.length;
  while (end > 0 && leads[end - 1]!.receivedAt > latestAllowed) end--;
  let start = end;
  while (start > 0 && leads[start - 1]!.receivedAt >= earliestAllowed) start--;
  if (start === end) return { outcome: 'unmatched', contact, reason: 'no_lead_in_window' };

  const latest = leads[end - 1]!;
  const name = personName(latest);
  const differentCustomers: string[] = [];
  for (let i = start; i < end - 1; i++) {
    const other = personName(leads[i]!);
    if (name !== null && other !== null && other !== name) differentCustomers.push(leads[i]!.id);
  }
  if (differentCustomers.length > 0) {
    return {
      outcome: 'ambiguous',
      contact,
      candidates: [...differentCustomers, latest.id].sort(),
      reason: 'different_customers',
    };
  }
  const tied: string[] = [];
  for (
    let i = end - 2;
    i >= start && latest.receivedAt - leads[i]!.receivedAt <= rule.graceMs;
    i--
  ) {
    tied.push(leads[i]!.id);
  }
  if (tied.length > 0) {
    return {
      outcome: 'ambiguous',
      contact,
      candidates: [...tied, latest.id].sort(),
      reason: 'within_grace',
    };
  }
  return { outcome: 'linked', leadId: latest.id, contact };
}
