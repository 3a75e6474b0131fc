import type { LeadFacts } from '../facts/lead-facts.types';
import type { GradeWindow } from '../report/report.types';
import type { EventTables } from './metric-scope';

export function emptyTables(): EventTables {
  return {
    cohort: [],
    claims: [],
    calls: [],
    emails: [],
    dueTasks: [],
    overdueTasks: [],
    closures: [],
    timingCalls: [],
    appointments: [],
    shownLeads: [],
  };
}

/**
 * The store's tables plus one per agent, built in a single pass over the leads: each entry goes
 * to the store and to the agent it is attributed to.
 */
export function buildEventTables(
  facts: readonly LeadFacts[],
  window: GradeWindow,
): { store: EventTables; agents: Map<string, EventTables> } {
  const store = emptyTables();
  const agents = new Map<string, EventTables>();
  const of = (userId: string | null): EventTables | null => {
    if (userId === null) return null;
    let t = agents.get(userId);
    if (!t) {
      t = emptyTables();
      agents.set(userId, t);
    }
    return t;
  };
  const { from, to, asOf } = window;
  const end = Math.min(to, asOf);
  const inWindow = (at: number) => at >= from && at < end;

  // Direct pushes per table: a shared keyed helper made this loop megamorphic.
  for (const lead of facts) {
    const owner = of(lead.assignedTo);
    if (lead.receivedAt >= from && lead.receivedAt < to) {
      store.cohort.push(lead);
      owner?.cohort.push(lead);
    }
    for (const item of lead.claims) {
      if (!inWindow(item.at)) continue;
      store.claims.push(item);
      of(item.userId)?.claims.push(item);
    }
    for (const item of lead.calls) {
      if (!inWindow(item.at)) continue;
      store.calls.push(item);
      of(item.userId)?.calls.push(item);
    }
    for (const item of lead.emails) {
      if (!inWindow(item.at)) continue;
      store.emails.push(item);
      of(item.userId)?.emails.push(item);
    }
    for (const item of lead.tasks) {
      const due = item.dueAt >= from && item.dueAt < end;
      const overdue = item.openAtAsOf && item.dueAt < asOf;
      if (!due && !overdue) continue;
      const assignee = of(item.assignedTo);
      if (due) {
        store.dueTasks.push(item);
        assignee?.dueTasks.push(item);
      }
      if (overdue) {
        store.overdueTasks.push(item);
        assignee?.overdueTasks.push(item);
      }
    }
    if (lead.graded && lead.closure && inWindow(lead.closure.at)) {
      store.closures.push(lead);
      of(lead.closure.userId)?.closures.push(lead);
    }
    for (const item of lead.timingCalls) {
      if (!inWindow(item.at)) continue;
      store.timingCalls.push(item);
      of(item.userId)?.timingCalls.push(item);
    }
    let shown = false;
    for (const item of lead.appointments) {
      if (item.shownAt !== null && inWindow(item.shownAt)) shown = true;
      if (!inWindow(item.startsAt)) continue;
      store.appointments.push(item);
      of(item.setBy ?? lead.assignedTo)?.appointments.push(item);
    }
    if (shown) {
      store.shownLeads.push(lead);
      owner?.shownLeads.push(lead);
    }
  }
  return { store, agents };
}
