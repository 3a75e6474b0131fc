import type { AttemptFact, ClosureFact, LeadFacts } from './lead-facts.types';
import type { LeadEvidence } from './link-evidence';
import type { StoreContext } from './store-context';

const DAY = 24 * 60 * 60_000;
const CLOSED = new Set(['lost', 'bad', 'inactive']);

/** The first CRM-reported response and whether it stopped the clock (§2, clockStop.*). */
export function responseFacts(
  ctx: StoreContext,
  attempts: readonly AttemptFact[],
  claims: LeadFacts['claims'],
): Pick<LeadFacts, 'firstCrmResponse' | 'clockStop'> {
  const first = attempts[0] ?? null;
  const firstClaim = claims[0] ?? null;
  // On a tie the genuine attempt is the CRM's first response: a claim at the same moment is no clock stop.
  const firstCrmResponse =
    first && (!firstClaim || first.at <= firstClaim.at)
      ? { kind: 'attempt' as const, id: first.id, at: first.at }
      : firstClaim
        ? { kind: 'claim' as const, id: firstClaim.id, at: firstClaim.at }
        : null;
  if (firstCrmResponse?.kind !== 'claim' || !firstClaim || firstClaim.corroboratedBy !== null) {
    return { firstCrmResponse, clockStop: null };
  }
  const gap = ctx.clock.businessMinutes(firstClaim.at, first?.at ?? ctx.asOf);
  if (first && gap <= ctx.policy.clockStopGraceMin) return { firstCrmResponse, clockStop: null };
  firstClaim.stopsClock = true;
  return {
    firstCrmResponse,
    clockStop: { claim: firstClaim, gapMin: gap, firstAttemptId: first?.id ?? null },
  };
}

function countUntil(
  attempts: readonly AttemptFact[],
  until: number,
  connectedOnly = false,
): number {
  let n = 0;
  for (const a of attempts) if (a.at <= until && (!connectedOnly || a.connected)) n++;
  return n;
}

/** The lead's first closure (lost/bad/inactive) and whether it was premature (§2). */
function closureFact(
  e: LeadEvidence,
  ctx: StoreContext,
  attempts: readonly AttemptFact[],
): ClosureFact | null {
  const { policy } = ctx;
  const closing = e.statuses.find((s) => CLOSED.has(s.status));
  if (!closing) return null;
  const attemptsBefore = countUntil(attempts, closing.at);
  const daysAfterArrival = (closing.at - e.lead.receivedAt) / DAY;
  const twoWayContact =
    e.activities.some((a) => a.direction === 'inbound' && a.at <= closing.at) ||
    countUntil(attempts, closing.at, true) > 0;
  const reason =
    closing.reason
      ?.trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_') ?? null;
  const exempt = twoWayContact && reason !== null && policy.exemptCloseReasons.includes(reason);
  return {
    id: closing.id,
    at: closing.at,
    status: closing.status as ClosureFact['status'],
    userId: closing.by ?? e.lead.assignedTo,
    reason: closing.reason,
    attemptsBefore,
    daysAfterArrival,
    twoWayContact,
    exempt,
    premature:
      !exempt &&
      (attemptsBefore < policy.minAttemptsBeforeClose ||
        daysAfterArrival < policy.minDaysBeforeClose),
  };
}

/** Where the lead stands at asOf: sold, closed, open, neglected (§2, persistence.*). */
export function lifecycleFacts(
  e: LeadEvidence,
  ctx: StoreContext,
  attempts: readonly AttemptFact[],
): Pick<LeadFacts, 'closure' | 'openAtAsOf' | 'neglected' | 'soldByAsOf' | 'attempts7d'> & {
  soldAt: number;
} {
  const { lead } = e;
  const { asOf, policy } = ctx;
  const soldAt = Math.min(
    e.sales[0]?.soldAt ?? Infinity,
    e.statuses.find((s) => s.status === 'sold')?.at ?? Infinity,
  );
  const latest = e.statuses[e.statuses.length - 1];
  const soldByAsOf = soldAt <= asOf;
  const openAtAsOf =
    !soldByAsOf && !(latest && (CLOSED.has(latest.status) || latest.status === 'sold'));
  const neglectSince = asOf - policy.neglectDays * DAY;
  const weekEnd = lead.receivedAt + 7 * DAY;
  return {
    soldAt,
    closure: closureFact(e, ctx, attempts),
    soldByAsOf,
    openAtAsOf,
    neglected:
      openAtAsOf && lead.receivedAt <= neglectSince
        ? !attempts.some((a) => a.at > neglectSince)
        : null,
    attempts7d:
      weekEnd <= asOf && soldAt > weekEnd ? attempts.filter((a) => a.at < weekEnd).length : null,
  };
}
