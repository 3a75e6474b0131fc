import { finding, type MetricScope } from './metric-scope';
import { count, rate } from './stats';

/** appointments.* and process.*. */
export function appointmentProcessMetrics(s: MetricScope): void {
  const { ctx, window } = s;
  const end = Math.min(window.to, window.asOf);
  const cohort = s.tables.cohort;
  s.set('appointments.setRate', {
    value: rate(
      count(cohort, (l) => l.appointments.length > 0),
      cohort.length,
    ),
    n: cohort.length,
  });

  const starting = s.tables.appointments;
  s.set('appointments.confirmedRate', {
    value: rate(
      count(starting, (a) => a.confirmedBeforeStart),
      starting.length,
    ),
    n: starting.length,
  });
  s.set('appointments.showRate', {
    value: rate(
      count(starting, (a) => a.shownAt !== null),
      starting.length,
    ),
    n: starting.length,
  });
  const shownLeads = s.tables.shownLeads;
  s.set('appointments.soldFromShowRate', {
    value: rate(
      count(shownLeads, (l) => l.soldByAsOf),
      shownLeads.length,
    ),
    n: shownLeads.length,
  });

  let due = 0;
  let satisfied = 0;
  for (const lead of s.graded) {
    due += lead.cadence.due;
    satisfied += lead.cadence.satisfied;
  }
  s.set('process.cadenceCompliance', { value: rate(satisfied, due), n: due });

  const perAgent = new Map<string, number>();
  for (const task of s.tables.dueTasks) {
    if (task.assignedTo) perAgent.set(task.assignedTo, (perAgent.get(task.assignedTo) ?? 0) + 1);
  }
  const days =
    end > window.from
      ? ctx.clock.businessDaysBetween(
          ctx.clock.localDay(window.from),
          ctx.clock.localDay(end - 1) + 1,
        )
      : 0;
  const total = [...perAgent.values()].reduce((a, b) => a + b, 0);
  s.set('process.tasksPerAgentDay', {
    value: days === 0 || perAgent.size === 0 ? null : total / (perAgent.size * days),
    n: perAgent.size,
  });
  if (s.agentId === null && days > 0) {
    for (const [userId, tasks] of [...perAgent].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const perDay = tasks / days;
      if (perDay <= ctx.policy.agentDailyTaskCapacity) continue;
      s.emit?.(
        finding(
          'process.tasksPerAgentDay',
          'medium',
          null,
          userId,
          [],
          `${Math.round(perDay)} tasks due per business day, above the ${ctx.policy.agentDailyTaskCapacity} one person can do well: the process asks for more than is humanly possible.`,
        ),
      );
    }
  }
}
