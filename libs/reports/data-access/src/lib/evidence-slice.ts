import type { StoreEvidence } from '@candor/evidence-domain';

/** What one report reads of a store's evidence (the window `loadStoreEvidence` takes). */
export interface EvidenceSpan {
  /** Leads received in [from, to), with all their records. */
  from: number;
  to: number;
  /** Activities without a lead, from `from` up to this moment (inclusive). */
  activitiesUntil: number;
}

/**
 * The part of evidence loaded for a wider span that `loadStoreEvidence` would have returned for
 * `span`, in the same order: so a refresh reads the store's evidence once and grades every
 * period from it. `evidence` must have been loaded for a span covering this one.
 */
export function sliceEvidence(evidence: StoreEvidence, span: EvidenceSpan): StoreEvidence {
  const leads = evidence.leads.filter((l) => l.receivedAt >= span.from && l.receivedAt < span.to);
  const ids = new Set(leads.map((l) => l.id));
  const ofLeads = <T extends { leadId: string }>(records: T[]) =>
    records.filter((r) => ids.has(r.leadId));
  return {
    storeId: evidence.storeId,
    store: evidence.store,
    users: evidence.users,
    leads,
    tasks: ofLeads(evidence.tasks),
    activities: evidence.activities.filter((a) =>
      a.leadId === null ? a.at >= span.from && a.at <= span.activitiesUntil : ids.has(a.leadId),
    ),
    notes: ofLeads(evidence.notes),
    appointments: ofLeads(evidence.appointments),
    statuses: ofLeads(evidence.statuses),
    sales: ofLeads(evidence.sales),
  };
}

/** The smallest span covering all of these. */
export function coveringSpan(spans: readonly EvidenceSpan[]): EvidenceSpan {
  return {
    from: Math.min(...spans.map((s) => s.from)),
    to: Math.max(...spans.map((s) => s.to)),
    activitiesUntil: Math.max(...spans.map((s) => s.activitiesUntil)),
  };
}

/**
 * Groups spans, in the order given, so that each group's covering span is at most `maxMs` long:
 * a refresh loads each group's evidence once, and never a store's whole history at a time.
 */
export function groupSpans<T extends { span: EvidenceSpan }>(
  items: readonly T[],
  maxMs: number,
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let cover: { from: number; to: number } | null = null;
  for (const item of items) {
    const { from, to } = item.span;
    const wider: { from: number; to: number } = cover
      ? { from: Math.min(cover.from, from), to: Math.max(cover.to, to) }
      : item.span;
    if (cover && wider.to - wider.from > maxMs) {
      groups.push(current);
      current = [];
      cover = item.span;
    } else {
      cover = wider;
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
