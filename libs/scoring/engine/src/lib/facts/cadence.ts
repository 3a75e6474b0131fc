import type { BusinessClock } from '@candor/shared-business-clock';
import type { AttemptFact, CadenceFact } from './lead-facts.types';
import type { StoreContext } from './store-context';

function isBusinessDay(clock: BusinessClock, day: number): boolean {
  return clock.businessDaysBetween(day, day + 1) === 1;
}

/** The first business day on or after `day` (a store closed every day: `day` itself). */
function nextBusinessDay(clock: BusinessClock, day: number): number {
  for (let d = day; d < day + 14; d++) if (isBusinessDay(clock, d)) return d;
  return day;
}

/**
 * Cadence compliance of one lead (process.cadenceCompliance). Day 0 is the first business day
 * with business time left at or after arrival (a lead arriving after closing starts tomorrow);
 * step N falls on day 0 + N, moved to the next business day when the store is closed. A step is
 * due once its day has ended by asOf, unless the lead was sold or closed before that day; it is
 * satisfied by a genuine attempt of its channel on that day (for day-0 steps, also earlier: a
 * call at 22:00 on the evening of an after-hours lead counts). Call and text steps are not due
 * for a lead without a phone number, e-mail steps not for one without an address.
 */
export function cadenceFact(
  ctx: StoreContext,
  receivedAt: number,
  attempts: readonly AttemptFact[],
  endedAt: number,
  reachable: { phone: boolean; email: boolean },
): CadenceFact {
  const { clock, policy, asOf } = ctx;
  if (policy.cadence.length === 0) return { due: 0, satisfied: 0 };
  const arrivalDay = clock.localDay(receivedAt);
  const openToday = clock.businessMinutes(receivedAt, clock.startOfLocalDay(arrivalDay + 1)) > 0;
  const day0 = openToday ? arrivalDay : nextBusinessDay(clock, arrivalDay + 1);
  const attemptDays = attempts.map((a) => ({ channel: a.channel, day: clock.localDay(a.at) }));
  let due = 0;
  let satisfied = 0;
  for (const step of policy.cadence) {
    // A step on a channel the customer gave no address for cannot be met by anyone.
    if (step.channel === 'email' ? !reachable.email : !reachable.phone) continue;
    const day = nextBusinessDay(clock, day0 + step.day);
    const start = clock.startOfLocalDay(day);
    if (clock.startOfLocalDay(day + 1) > asOf || endedAt < start) continue;
    due++;
    if (
      attemptDays.some(
        (a) => a.channel === step.channel && (a.day === day || (step.day === 0 && a.day <= day)),
      )
    ) {
      satisfied++;
    }
  }
  return { due, satisfied };
}
