import { cadenceFact } from './cadence';
import { contactFacts } from './contact-facts';
import type { AttemptFact, LeadFacts, TimingCallFact } from './lead-facts.types';
import { lifecycleFacts, responseFacts } from './lifecycle-facts';
import type { LeadEvidence } from './link-evidence';
import type { StoreContext } from './store-context';
import { textMatcher } from './text-match';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const personalMatchers = new WeakMap<readonly string[], (text: string) => boolean>();

function personalMatcher(ctx: StoreContext): (text: string) => boolean {
  let m = personalMatchers.get(ctx.policy.personalDetailLexicon);
  if (!m) {
    m = textMatcher(ctx.policy.personalDetailLexicon, 'words');
    personalMatchers.set(ctx.policy.personalDetailLexicon, m);
  }
  return m;
}

/** Genuine calls after the lead's first local day, and whether each fell near its arrival time. */
function timingFacts(
  ctx: StoreContext,
  receivedAt: number,
  attempts: readonly AttemptFact[],
): TimingCallFact[] {
  const { clock, policy } = ctx;
  const arrivalDay = clock.localDay(receivedAt);
  const arrivalMinute = clock.localMinuteOfDay(receivedAt);
  const timing: TimingCallFact[] = [];
  // A later local day always starts at least an hour after arrival; skip the clock before that.
  const nextDayFrom = receivedAt + 60 * MINUTE;
  for (const a of attempts) {
    if (a.channel !== 'call' || a.at < nextDayFrom || clock.localDay(a.at) <= arrivalDay) continue;
    const diff = Math.abs(clock.localMinuteOfDay(a.at) - arrivalMinute);
    timing.push({
      id: a.id,
      at: a.at,
      userId: a.userId,
      insideArrivalWindow: Math.min(diff, 1440 - diff) <= policy.arrivalWindowMin,
      connected: a.connected,
    });
  }
  return timing;
}

/** The facts of one lead (see LeadFacts). Pure: same evidence, context and asOf ⇒ same facts. */
export function computeLeadFacts(e: LeadEvidence, ctx: StoreContext): LeadFacts {
  const { lead } = e;
  const { policy, clock, asOf } = ctx;
  const biz = (to: number) => clock.businessMinutes(lead.receivedAt, to);
  const wall = (to: number) => Math.max(0, (to - lead.receivedAt) / MINUTE);

  const contact = contactFacts(e, ctx);
  const { attempts, claims } = contact;
  const { firstCrmResponse, clockStop } = responseFacts(ctx, attempts, claims);
  const lifecycle = lifecycleFacts(e, ctx, attempts);
  const first = attempts[0] ?? null;

  const matchesPersonal = personalMatcher(ctx);
  const substantive = e.notes.find(
    (n) => n.text.trim().length >= policy.substantiveNoteMinChars && !ctx.isFiller(n.text),
  );
  const personal = e.notes.find((n) => matchesPersonal(n.text));

  return {
    leadId: lead.id,
    kind: lead.kind,
    graded: policy.gradedLeadKinds.includes(lead.kind),
    assignedTo: lead.assignedTo,
    receivedAt: lead.receivedAt,
    attempts,
    claims,
    trueResponseMin: first ? biz(first.at) : Infinity,
    trueResponseWallMin: first ? wall(first.at) : Infinity,
    crmResponseMin: firstCrmResponse ? biz(firstCrmResponse.at) : Infinity,
    crmResponseWallMin: firstCrmResponse ? wall(firstCrmResponse.at) : Infinity,
    firstCrmResponse,
    clockStop,
    noResponse24h:
      lead.receivedAt + DAY <= asOf ? !(first && first.at <= lead.receivedAt + DAY) : null,
    calls: contact.calls,
    emails: contact.emails,
    tasks: contact.tasks,
    substantiveNoteId: substantive?.id ?? null,
    personalNoteId: personal?.id ?? null,
    attempts7d: lifecycle.attempts7d,
    closure: lifecycle.closure,
    openAtAsOf: lifecycle.openAtAsOf,
    neglected: lifecycle.neglected,
    timingCalls: timingFacts(ctx, lead.receivedAt, attempts),
    appointments: e.appointments.map((a) => ({
      id: a.id,
      setAt: a.setAt,
      setBy: a.setBy,
      startsAt: a.startsAt,
      confirmedBeforeStart:
        a.confirmedAt !== null && a.confirmedAt <= asOf && a.confirmedAt < a.startsAt,
      shownAt: a.shownAt !== null && a.shownAt <= asOf ? a.shownAt : null,
    })),
    soldByAsOf: lifecycle.soldByAsOf,
    cadence: cadenceFact(
      ctx,
      lead.receivedAt,
      attempts,
      Math.min(lifecycle.soldAt, lifecycle.closure?.at ?? Infinity),
      { phone: lead.customer.phones.length > 0, email: lead.customer.emails.length > 0 },
    ),
  };
}
