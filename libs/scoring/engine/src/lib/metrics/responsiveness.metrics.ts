import type { LeadFacts } from '../facts/lead-facts.types';
import { finding, type MetricScope, minutesText } from './metric-scope';
import { count, median, medianOfSorted, percentileOfSorted, rate, sortedValues } from './stats';

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
  const trueTimes = sortedValues(leads.map((l) => l.trueResponseMin));
  const trueWall = sortedValues(leads.map((l) => l.trueResponseWallMin));
  const trueMedian = medianOfSorted(trueTimes);
  const trueP90 = percentileOfSorted(trueTimes, 90);
  s.set('response.trueMedianMin', {
    value: finite(trueMedian),
    n,
    wallClockValue: finite(medianOfSorted(trueWall)),
  });
  s.set('response.trueP90Min', {
    value: finite(trueP90),
    n,
    wallClockValue: finite(percentileOfSorted(trueWall, 90)),
  });
  s.set('response.crmMedianMin', {
    value: finite(median(leads.map((l) => l.crmResponseMin))),
    n,
    wallClockValue: finite(median(leads.map((l) => l.crmResponseWallMin))),
  });
  if (trueMedian === Infinity) {
    s.emit?.(
      finding(
        'response.trueMedianMin',
        'high',
        null,
        null,
        [],
        `At least half of the ${n} leads had no genuine attempt by the report date, so there is no true median response time.`,
      ),
    );
  } else if (trueP90 === Infinity) {
    s.emit?.(
      finding(
        'response.trueP90Min',
        'medium',
        null,
        null,
        [],
        `More than 10% of the ${n} leads had no genuine attempt by the report date, so the 90th percentile is unbounded.`,
      ),
    );
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
      s.emit?.(
        finding(
          'response.noResponse24hRate',
          'medium',
          lead.leadId,
          lead.assignedTo,
          [lead.attempts[0]!.id],
          `Lead ${lead.leadId}: first genuine attempt came ${minutesText(lead.trueResponseWallMin)} after arrival, more than 24 hours.`,
        ),
      );
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
    s.emit?.(
      finding(
        'clockStop.rate',
        'high',
        lead.leadId,
        userId,
        stop.firstAttemptId ? [stop.claim.id, stop.firstAttemptId] : [stop.claim.id],
        clockStopMessage(s, lead),
      ),
    );
  }
}
