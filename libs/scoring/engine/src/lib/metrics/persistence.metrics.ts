import { finding, type MetricScope } from './metric-scope';
import { count, median, rate } from './stats';

/** persistence.* over graded leads; timing.* over genuine calls in the window. */
export function persistenceMetrics(s: MetricScope): void {
  const { ctx } = s;
  const leads = s.graded;
  const eligible7d = leads.filter((l) => l.attempts7d !== null);
  s.set('persistence.medianAttempts7d', {
    value: median(eligible7d.map((l) => l.attempts7d!)),
    n: eligible7d.length,
  });

  const closed = s.tables.closures;
  s.set('persistence.prematureCloseRate', {
    value: rate(
      count(closed, (l) => l.closure!.premature),
      closed.length,
    ),
    n: closed.length,
  });
  for (const lead of closed) {
    const c = lead.closure!;
    if (!c.premature) continue;
    const days = Math.floor(c.daysAfterArrival * 10) / 10;
    s.emit?.(
      finding(
        'persistence.prematureCloseRate',
        'high',
        lead.leadId,
        c.userId,
        [c.id],
        `Lead ${lead.leadId}: closed as ${c.status}${c.reason ? ` (${c.reason})` : ''} ${days} day${days === 1 ? '' : 's'} after arrival ` +
          `after ${c.attemptsBefore} genuine attempt${c.attemptsBefore === 1 ? '' : 's'} ` +
          `(policy: at least ${ctx.policy.minAttemptsBeforeClose} attempts and ${ctx.policy.minDaysBeforeClose} days).`,
      ),
    );
  }

  const open = leads.filter((l) => l.neglected !== null);
  s.set('persistence.neglectedRate', {
    value: rate(
      count(open, (l) => l.neglected === true),
      open.length,
    ),
    n: open.length,
  });
  for (const lead of open) {
    if (!lead.neglected || lead.attempts.length === 0) continue;
    s.emit?.(
      finding(
        'persistence.neglectedRate',
        'medium',
        lead.leadId,
        lead.assignedTo,
        [lead.attempts[lead.attempts.length - 1]!.id],
        `Lead ${lead.leadId}: still open with no genuine attempt in the last ${ctx.policy.neglectDays} days.`,
      ),
    );
  }

  s.set('persistence.neverContactedRate', {
    value: rate(
      count(leads, (l) => l.attempts.length === 0),
      leads.length,
    ),
    n: leads.length,
  });
  for (const lead of leads) {
    if (lead.attempts.length > 0) continue;
    const claimed =
      lead.claims.length > 0
        ? ` although the CRM shows ${lead.claims.length} completed contact task(s) or log(s)`
        : '';
    s.emit?.(
      finding(
        'persistence.neverContactedRate',
        'high',
        lead.leadId,
        lead.assignedTo,
        lead.claims.map((c) => c.id),
        `Lead ${lead.leadId}: no genuine call, e-mail or text by the report date${claimed}.`,
      ),
    );
  }

  const timing = s.tables.timingCalls;
  const inside = timing.filter((c) => c.insideArrivalWindow);
  const outside = timing.filter((c) => !c.insideArrivalWindow);
  s.set('timing.arrivalWindowShare', {
    value: rate(inside.length, timing.length),
    n: timing.length,
  });
  s.set('timing.arrivalWindowConnectRate', {
    value: rate(
      count(inside, (c) => c.connected),
      inside.length,
    ),
    n: inside.length,
  });
  s.set('timing.otherConnectRate', {
    value: rate(
      count(outside, (c) => c.connected),
      outside.length,
    ),
    n: outside.length,
  });
}
