import type { StoreEvidence } from '@candor/evidence-domain';

/** The first lead arrival and the last recorded moment among these stores' evidence. */
export function evidenceSpan(
  stores: readonly StoreEvidence[],
): { firstLead: number; last: number } | null {
  let firstLead = Infinity;
  let last = -Infinity;
  const see = (t: number | null) => {
    if (t !== null && t > last) last = t;
  };
  for (const s of stores) {
    for (const l of s.leads) {
      if (l.receivedAt < firstLead) firstLead = l.receivedAt;
      see(l.receivedAt);
    }
    for (const t of s.tasks) {
      see(t.createdAt);
      see(t.completedAt);
      see(t.dismissedAt);
    }
    for (const a of s.activities) see(a.at);
    for (const n of s.notes) see(n.at);
    for (const a of s.appointments) {
      see(a.setAt);
      see(a.confirmedAt);
      see(a.shownAt);
      see(a.cancelledAt);
    }
    for (const st of s.statuses) see(st.at);
    for (const sale of s.sales) see(sale.soldAt);
  }
  return Number.isFinite(firstLead) ? { firstLead, last } : null;
}
