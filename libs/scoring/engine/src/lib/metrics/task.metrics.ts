import type { TaskFact } from '../facts/lead-facts.types';
import { type MetricScope, minutesText } from './metric-scope';
import { count, rate } from './stats';

function completionRate(tasks: readonly TaskFact[]): number | null {
  return rate(
    count(tasks, (t) => t.completedAt !== null),
    tasks.length,
  );
}

function cherryPickIndex(due: readonly TaskFact[]): {
  value: number | null;
  calls: number;
  others: number;
  callRate: number | null;
  otherRate: number | null;
} {
  const calls = due.filter((t) => t.taskType === 'call');
  const others = due.filter((t) => t.taskType === 'email' || t.taskType === 'text');
  const callRate = completionRate(calls);
  const otherRate = completionRate(others);
  return {
    value: callRate === null || otherRate === null ? null : otherRate - callRate,
    calls: calls.length,
    others: others.length,
    callRate,
    otherRate,
  };
}

/**
 * Task discipline: tasks.overdueCount is a snapshot of every open task at asOf; the rates and
 * the cherry-pick index take tasks due in [from, min(to, asOf)). An agent answers for the tasks
 * assigned to them. notes.* are shares of the window's leads.
 */
export function taskMetrics(s: MetricScope): void {
  const { asOf } = s.window;
  const end = Math.min(s.window.to, asOf);
  const mine = (t: TaskFact) => s.agentId === null || t.assignedTo === s.agentId;
  const overdue: { leadId: string; task: TaskFact }[] = [];
  const due: TaskFact[] = [];
  for (const lead of s.allLeads) {
    for (const task of lead.tasks) {
      if (!mine(task)) continue;
      if (task.openAtAsOf && task.dueAt < asOf) overdue.push({ leadId: lead.leadId, task });
      if (task.dueAt >= s.window.from && task.dueAt < end) due.push(task);
    }
  }
  s.set('tasks.overdueCount', { value: overdue.length, n: overdue.length });
  for (const { leadId, task } of overdue) {
    s.emit({
      metricId: 'tasks.overdueCount',
      severity: 'low',
      leadId,
      ...(task.assignedTo ? { userId: task.assignedTo } : {}),
      eventIds: [task.id],
      message: `Lead ${leadId}: ${task.taskType} task still open, ${minutesText((asOf - task.dueAt) / 60_000)} past due.`,
    });
  }
  s.set('tasks.overdueRate', {
    value: rate(
      count(due, (t) => t.openAtAsOf),
      due.length,
    ),
    n: due.length,
  });
  s.set('tasks.onTimeRate', {
    value: rate(
      count(due, (t) => t.onTime),
      due.length,
    ),
    n: due.length,
  });
  const pick = cherryPickIndex(due);
  s.set('tasks.cherryPickIndex', { value: pick.value, n: pick.calls + pick.others });

  if (s.agentId === null) {
    const byAgent = new Map<string, TaskFact[]>();
    for (const task of due) {
      if (!task.assignedTo) continue;
      const list = byAgent.get(task.assignedTo) ?? [];
      list.push(task);
      byAgent.set(task.assignedTo, list);
    }
    for (const [userId, tasks] of [...byAgent].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const p = cherryPickIndex(tasks);
      if (p.value !== null && p.value >= 0.25 && p.calls >= 5 && p.others >= 5) {
        s.emit({
          metricId: 'tasks.cherryPickIndex',
          severity: 'medium',
          userId,
          eventIds: tasks
            .filter((t) => t.taskType === 'call' && t.completedAt === null)
            .map((t) => t.id)
            .slice(0, 20),
          message: `Completes ${Math.round(p.otherRate! * 100)}% of e-mail and text tasks but only ${Math.round(p.callRate! * 100)}% of call tasks (${p.calls} call tasks due).`,
        });
      }
    }
  }

  const cohort = s.cohort;
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
