import type { ActivityRecord } from '@candor/evidence-domain';
import { cadenceFact } from './cadence';
import { corroborate } from './corroboration';
import type {
  AttemptFact,
  CallFact,
  ClaimFact,
  ClosureFact,
  ContactChannel,
  EmailFact,
  LeadFacts,
  TaskFact,
  TimingCallFact,
} from './lead-facts.types';
import type { LeadEvidence } from './link-evidence';
import { emailDomain, type StoreContext } from './store-context';
import { textMatcher } from './text-match';
import { checkVoicemail } from './voicemail';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const CLOSED = new Set(['lost', 'bad', 'inactive']);

const isContact = (c: string): c is ContactChannel => c === 'call' || c === 'email' || c === 'text';

function performer(ctx: StoreContext, a: ActivityRecord): string | null {
  if (a.userId !== null) return a.userId;
  const from = a.channel === 'email' ? ctx.email(a.from) : ctx.phone(a.from);
  return ctx.userByContact(from);
}

function isConnected(ctx: StoreContext, a: ActivityRecord): boolean {
  return (
    a.channel === 'call' &&
    (a.answeredBy === 'human' || a.outcome === 'connected') &&
    a.durationSec !== null &&
    a.durationSec >= ctx.policy.connectedMinSec
  );
}

const personalMatchers = new WeakMap<readonly string[], (text: string) => boolean>();

function personalMatcher(ctx: StoreContext): (text: string) => boolean {
  let m = personalMatchers.get(ctx.policy.personalDetailLexicon);
  if (!m) {
    m = textMatcher(ctx.policy.personalDetailLexicon, 'words');
    personalMatchers.set(ctx.policy.personalDetailLexicon, m);
  }
  return m;
}

/** The facts of one lead (see LeadFacts). Pure: same evidence, context and asOf ⇒ same facts. */
export function computeLeadFacts(e: LeadEvidence, ctx: StoreContext): LeadFacts {
  const { lead } = e;
  const { policy, clock, asOf } = ctx;
  const biz = (to: number) => clock.businessMinutes(lead.receivedAt, to);
  const wall = (to: number) => Math.max(0, (to - lead.receivedAt) / MINUTE);

  const attempts: AttemptFact[] = [];
  const calls: CallFact[] = [];
  const emails: EmailFact[] = [];
  const claims: ClaimFact[] = [];
  for (const a of e.activities) {
    if (a.direction === 'inbound') continue;
    if (!isContact(a.channel)) continue;
    const userId = performer(ctx, a);
    if (a.channel === 'email' && !a.automated) {
      const sender = ctx.email(a.from);
      const domain = sender === null ? null : emailDomain(sender);
      emails.push({
        id: a.id,
        at: a.at,
        userId,
        domain,
        personal:
          domain === null || ctx.storeDomains.length === 0 ? null : !ctx.isStoreDomain(domain),
        freeMail: domain !== null && policy.freeMailDomains.includes(domain),
      });
    }
    if (a.evidence === 'claimed') {
      const comment = a.comment;
      claims.push({
        id: a.id,
        at: a.at,
        channel: a.channel,
        userId,
        comment,
        filler: ctx.isFiller(comment),
        source: 'activity',
        corroboratedBy: null,
      });
      continue;
    }
    if (a.automated) continue;
    const connected = isConnected(ctx, a);
    attempts.push({ id: a.id, at: a.at, channel: a.channel, userId, connected });
    if (a.channel === 'call') {
      const from = ctx.phone(a.from);
      const isVoicemail = a.answeredBy === 'machine' || a.outcome === 'voicemail';
      calls.push({
        id: a.id,
        at: a.at,
        userId,
        from,
        offSystem: from === null ? null : !ctx.storeLines.has(from),
        connected,
        voicemail: isVoicemail
          ? {
              transcript: a.transcript,
              check: a.transcript === null ? null : checkVoicemail(ctx, a.transcript, userId),
            }
          : null,
      });
    }
  }

  for (const t of e.tasks) {
    if (t.completedAt !== null && t.completedAt <= asOf && isContact(t.taskType)) {
      const userId = t.completedBy ?? t.assignedTo;
      claims.push({
        id: t.id,
        at: t.completedAt,
        channel: t.taskType,
        userId,
        comment: t.comment,
        filler: ctx.isFiller(t.comment),
        source: 'task',
        corroboratedBy: null,
      });
    }
  }
  claims.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const matches = corroborate(claims, attempts, policy.corroborationWindowMin);
  for (const c of claims) c.corroboratedBy = matches.get(c.id) ?? null;

  const tasks: TaskFact[] = e.tasks.map((t) => {
    const completedAt = t.completedAt !== null && t.completedAt <= asOf ? t.completedAt : null;
    const dismissedAt = t.dismissedAt !== null && t.dismissedAt <= asOf ? t.dismissedAt : null;
    return {
      id: t.id,
      taskType: t.taskType,
      assignedTo: t.assignedTo,
      userId: t.completedBy ?? t.assignedTo,
      dueAt: t.dueAt,
      completedAt,
      dismissedAt,
      comment: t.comment,
      openAtAsOf: completedAt === null && dismissedAt === null,
      onTime: completedAt !== null && completedAt <= t.dueAt + policy.taskGraceMin * MINUTE,
      corroborated: completedAt !== null && isContact(t.taskType) ? matches.has(t.id) : null,
    };
  });

  const first = attempts[0] ?? null;
  const firstClaim = claims[0] ?? null;
  // On a tie the genuine attempt is the CRM's first response: a claim at the same moment is no clock stop.
  const firstCrmResponse =
    first && (!firstClaim || first.at <= firstClaim.at)
      ? { kind: 'attempt' as const, id: first.id, at: first.at }
      : firstClaim
        ? { kind: 'claim' as const, id: firstClaim.id, at: firstClaim.at }
        : null;
  let clockStop: LeadFacts['clockStop'] = null;
  if (firstCrmResponse?.kind === 'claim' && firstClaim && firstClaim.corroboratedBy === null) {
    const gap = clock.businessMinutes(firstClaim.at, first?.at ?? asOf);
    if (!first || gap > policy.clockStopGraceMin) {
      clockStop = { claim: firstClaim, gapMin: gap, firstAttemptId: first?.id ?? null };
    }
  }

  const soldAt = Math.min(
    e.sales[0]?.soldAt ?? Infinity,
    e.statuses.find((s) => s.status === 'sold')?.at ?? Infinity,
  );
  const closingStatus = e.statuses.find((s) => CLOSED.has(s.status));
  let closure: ClosureFact | null = null;
  if (closingStatus) {
    const attemptsBefore = attempts.filter((a) => a.at <= closingStatus.at).length;
    const daysAfterArrival = (closingStatus.at - lead.receivedAt) / DAY;
    const twoWayContact =
      e.activities.some((a) => a.direction === 'inbound' && a.at <= closingStatus.at) ||
      attempts.some((a) => a.connected && a.at <= closingStatus.at);
    const reason =
      closingStatus.reason
        ?.trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_') ?? null;
    const exempt = twoWayContact && reason !== null && policy.exemptCloseReasons.includes(reason);
    closure = {
      id: closingStatus.id,
      at: closingStatus.at,
      status: closingStatus.status as ClosureFact['status'],
      userId: closingStatus.by ?? lead.assignedTo,
      reason: closingStatus.reason,
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
  const latest = e.statuses[e.statuses.length - 1];
  const soldByAsOf = soldAt <= asOf;
  const openAtAsOf =
    !soldByAsOf && !(latest && (CLOSED.has(latest.status) || latest.status === 'sold'));
  const neglectSpan = policy.neglectDays * DAY;
  const neglected =
    openAtAsOf && lead.receivedAt <= asOf - neglectSpan
      ? !attempts.some((a) => a.at > asOf - neglectSpan)
      : null;

  const arrivalDay = clock.localDay(lead.receivedAt);
  const arrivalMinute = clock.localMinuteOfDay(lead.receivedAt);
  const timingCalls: TimingCallFact[] = attempts
    .filter((a) => a.channel === 'call' && clock.localDay(a.at) > arrivalDay)
    .map((a) => {
      const diff = Math.abs(clock.localMinuteOfDay(a.at) - arrivalMinute);
      return {
        id: a.id,
        at: a.at,
        userId: a.userId,
        insideArrivalWindow: Math.min(diff, 1440 - diff) <= policy.arrivalWindowMin,
        connected: a.connected,
      };
    });

  const matchesPersonal = personalMatcher(ctx);
  const substantive = e.notes.find(
    (n) =>
      n.text.trim().length >= policy.substantiveNoteMinChars &&
      !ctx.isFiller(n.text.trim().toLowerCase()),
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
    calls,
    emails,
    tasks,
    substantiveNoteId: substantive?.id ?? null,
    personalNoteId: personal?.id ?? null,
    attempts7d:
      lead.receivedAt + 7 * DAY <= asOf && soldAt > lead.receivedAt + 7 * DAY
        ? attempts.filter((a) => a.at < lead.receivedAt + 7 * DAY).length
        : null,
    closure,
    openAtAsOf,
    neglected,
    timingCalls,
    appointments: e.appointments.map((a) => ({
      id: a.id,
      setAt: a.setAt,
      setBy: a.setBy,
      startsAt: a.startsAt,
      confirmedBeforeStart:
        a.confirmedAt !== null && a.confirmedAt <= asOf && a.confirmedAt < a.startsAt,
      shownAt: a.shownAt !== null && a.shownAt <= asOf ? a.shownAt : null,
    })),
    soldByAsOf,
    cadence: cadenceFact(ctx, lead.receivedAt, attempts, Math.min(soldAt, closure?.at ?? Infinity)),
  };
}
