import type { LeadFacts } from '../facts/lead-facts.types';
import { type MetricScope, minutesText } from './metric-scope';
import { count, median, percentile, rate } from './stats';

const SYSTEM: Record<string, string> = {
  call: 'phone system',
  email: 'mail server',
  text: 'text gateway',
};

/** Infinity (a lead nobody answered) becomes null: "no value", explained by a finding. */
const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

function clockStopMessage(s: MetricScope, lead: LeadFacts): string {
  const stop = lead.clockStop!;
  const { claim } = stop;
  const what =
    claim.source === 'task'
      ? `${claim.channel} task completed`
      : `${claim.channel} logged in the CRM`;
  const comment = claim.comment?.trim()
    ? ` with comment '${claim.comment.trim()}'`
    : ' with no comment';
  const real = Number.isFinite(lead.trueResponseMin)
    ? `first real attempt ${minutesText(lead.trueResponseMin)} after arrival`
    : 'no real attempt by the report date';
  return (
    `Lead ${lead.leadId}: ${what} ${minutesText(lead.crmResponseMin)} after arrival${comment}; ` +
    `no ${claim.channel} on the ${SYSTEM[claim.channel]} within ${s.ctx.policy.corroborationWindowMin} min; ${real}.`
  );
}

/** response.* and clockStop.* over the scope's graded leads. */
export function responsivenessMetrics(s: MetricScope): void {
  const leads = s.graded;
  const n = leads.length;
  const trueTimes = leads.map((l) => l.trueResponseMin);
  const trueMedian = median(trueTimes);
  const trueP90 = percentile(trueTimes, 90);
  s.set('response.trueMedianMin', {
    value: finite(trueMedian),
    n,
    wallClockValue: finite(median(leads.map((l) => l.trueResponseWallMin))),
  });
  s.set('response.trueP90Min', {
    value: finite(trueP90),
    n,
    wallClockValue: finite(
      percentile(
        leads.map((l) => l.trueResponseWallMin),
        90,
      ),
    ),
  });
  s.set('response.crmMedianMin', {
    value: finite(median(leads.map((l) => l.crmResponseMin))),
    n,
    wallClockValue: finite(median(leads.map((l) => l.crmResponseWallMin))),
  });
  if (trueMedian === Infinity) {
    s.emit({
      metricId: 'response.trueMedianMin',
      severity: 'high',
      eventIds: [],
      message: `At least half of the ${n} leads had no genuine attempt by the report date, so there is no true median response time.`,
    });
  } else if (trueP90 === Infinity) {
    s.emit({
      metricId: 'response.trueP90Min',
      severity: 'medium',
      eventIds: [],
      message: `More than 10% of the ${n} leads had no genuine attempt by the report date, so the 90th percentile is unbounded.`,
    });
  }
  s.set('response.within15Rate', {
    value: rate(
      count(leads, (l) => l.trueResponseMin <= 15),
      n,
    ),
    n,
  });

  const eligible24h = leads.filter((l) => l.noResponse24h !== null);
  s.set('response.noResponse24hRate', {
    value: rate(
      count(eligible24h, (l) => l.noResponse24h === true),
      eligible24h.length,
    ),
    n: eligible24h.length,
  });
  for (const lead of eligible24h) {
    if (lead.noResponse24h && lead.attempts.length > 0) {
      s.emit({
        metricId: 'response.noResponse24hRate',
        severity: 'medium',
        leadId: lead.leadId,
        ...(lead.assignedTo ? { userId: lead.assignedTo } : {}),
        eventIds: [lead.attempts[0]!.id],
        message: `Lead ${lead.leadId}: first genuine attempt came ${minutesText(lead.trueResponseWallMin)} after arrival, more than 24 hours.`,
      });
    }
  }

  const responded = leads.filter((l) => l.firstCrmResponse !== null);
  const stops = responded.filter((l) => l.clockStop !== null);
  s.set('clockStop.rate', { value: rate(stops.length, responded.length), n: responded.length });
  s.set('clockStop.medianGapMin', {
    value: median(stops.map((l) => l.clockStop!.gapMin)),
    n: stops.length,
  });
  s.set('clockStop.fillerShare', {
    value: rate(
      count(stops, (l) => l.clockStop!.claim.filler),
      stops.length,
    ),
    n: stops.length,
  });
  for (const lead of stops) {
    const stop = lead.clockStop!;
    const userId = stop.claim.userId ?? lead.assignedTo;
    s.emit({
      metricId: 'clockStop.rate',
      severity: 'high',
      leadId: lead.leadId,
      ...(userId ? { userId } : {}),
      eventIds: stop.firstAttemptId ? [stop.claim.id, stop.firstAttemptId] : [stop.claim.id],
      message: clockStopMessage(s, lead),
    });
  }
}
