import type { TaskFact } from '../facts/lead-facts.types';
import { finding, groupBy, type MetricScope, minutesText, plural } from './metric-scope';
import { count, rate } from './stats';

interface DueTally {
  open: number;
  onTime: number;
  calls: number;
  callsDone: number;
  others: number;
  othersDone: number;
}

/** Everything the task rates need, in one pass (this runs for the store and every agent). */
function tallyDue(due: readonly TaskFact[]): DueTally {
  const t: DueTally = { open: 0, onTime: 0, calls: 0, callsDone: 0, others: 0, othersDone: 0 };
  for (const task of due) {
    if (task.openAtAsOf) t.open++;
    if (task.onTime) t.onTime++;
    const done = task.completedAt !== null;
    if (task.taskType === 'call') {
      t.calls++;
      if (done) t.callsDone++;
    } else if (task.taskType === 'email' || task.taskType === 'text') {
      t.others++;
      if (done) t.othersDone++;
    }
  }
  return t;
}

/** E-mail/text completion minus call completion; null when either side has no tasks. */
function cherryPickIndex(t: DueTally): number | null {
  const callRate = rate(t.callsDone, t.calls);
  const otherRate = rate(t.othersDone, t.others);
  return callRate === null || otherRate === null ? null : otherRate - callRate;
}

/**
 * Task discipline: tasks.overdueCount is a snapshot of every open task at asOf; the rates and
 * the cherry-pick index take tasks due in [from, min(to, asOf)). An agent answers for the tasks
 * assigned to them. notes.* are shares of the window's leads.
 */
export function taskMetrics(s: MetricScope): void {
  const { asOf } = s.window;
  const overdue = s.tables.overdueTasks;
  const due = s.tables.dueTasks;
  s.set('tasks.overdueCount', { value: overdue.length, n: overdue.length });
  if (s.emit) {
    for (const group of groupBy(overdue, (t) => `${t.leadId}\u0000${t.assignedTo}`)) {
      const task = group[0]!;
      const which = group
        .map((t) => `${t.taskType} (${minutesText((asOf - t.dueAt) / 60_000)} past due)`)
        .join(', ');
      s.emit(
        finding(
          'tasks.overdueCount',
          'low',
          task.leadId,
          task.assignedTo,
          group.map((t) => t.id),
          `Lead ${task.leadId}: ${plural(group.length, 'task', 'tasks')} still open: ${which}.`,
        ),
      );
    }
  }
  const tally = tallyDue(due);
  s.set('tasks.overdueRate', { value: rate(tally.open, due.length), n: due.length });
  s.set('tasks.onTimeRate', { value: rate(tally.onTime, due.length), n: due.length });
  s.set('tasks.cherryPickIndex', { value: cherryPickIndex(tally), n: tally.calls + tally.others });

  if (s.emit) {
    const byAgent = new Map<string, TaskFact[]>();
    for (const task of due) {
      if (!task.assignedTo) continue;
      const list = byAgent.get(task.assignedTo);
      if (list) list.push(task);
      else byAgent.set(task.assignedTo, [task]);
    }
    for (const [userId, tasks] of [...byAgent].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const t = tallyDue(tasks);
      const index = cherryPickIndex(t);
      if (index === null || index < 0.25 || t.calls < 5 || t.others < 5) continue;
      s.emit(
        finding(
          'tasks.cherryPickIndex',
          'medium',
          null,
          userId,
          tasks
            .filter((task) => task.taskType === 'call' && task.completedAt === null)
            .map((task) => task.id)
            .slice(0, 20),
          `Completes ${Math.round((t.othersDone / t.others) * 100)}% of e-mail and text tasks but only ${Math.round((t.callsDone / t.calls) * 100)}% of call tasks (${t.calls} call tasks due).`,
        ),
      );
    }
  }

  const cohort = s.tables.cohort;
  s.set('notes.substantiveRate', {
    value: rate(
      count(cohort, (l) => l.substantiveNoteId !== null),
      cohort.length,
    ),
    n: cohort.length,
  });
  s.set('notes.personalDetailRate', {
    value: rate(
      count(cohort, (l) => l.personalNoteId !== null),
      cohort.length,
    ),
    n: cohort.length,
  });
}
