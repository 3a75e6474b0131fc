import type { ActivityRecord } from '@candor/evidence-domain';
import { corroborate } from './corroboration';
import type {
  AttemptFact,
  CallFact,
  ClaimFact,
  ContactChannel,
  EmailFact,
  TaskFact,
} from './lead-facts.types';
import type { LeadEvidence } from './link-evidence';
import type { StoreContext } from './store-context';
import { checkVoicemail } from './voicemail';

const MINUTE = 60_000;

export const isContact = (c: string): c is ContactChannel =>
  c === 'call' || c === 'email' || c === 'text';

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

export interface ContactFacts {
  attempts: AttemptFact[];
  calls: CallFact[];
  emails: EmailFact[];
  /** Sorted by (at, id), each with the genuine attempt that corroborates it, if any. */
  claims: ClaimFact[];
  tasks: TaskFact[];
}

function claimFrom(
  e: LeadEvidence,
  ctx: StoreContext,
  source: ClaimFact['source'],
  id: string,
  at: number,
  channel: ContactChannel,
  userId: string | null,
  comment: string | null,
): ClaimFact {
  // Every field spelled out, in one order: claims are built by the hundred thousand, and one
  // object shape keeps the code that reads them fast.
  return {
    id,
    leadId: e.lead.id,
    leadAgentId: e.lead.assignedTo,
    stopsClock: false,
    at,
    channel,
    userId,
    comment,
    filler: ctx.isFiller(comment),
    source,
    corroboratedBy: null,
  };
}

/** Genuine attempts, recorded calls, customer e-mails and claims from a lead's activities. */
function scanActivities(e: LeadEvidence, ctx: StoreContext): Omit<ContactFacts, 'tasks'> {
  const leadId = e.lead.id;
  const attempts: AttemptFact[] = [];
  const calls: CallFact[] = [];
  const emails: EmailFact[] = [];
  const claims: ClaimFact[] = [];
  for (const a of e.activities) {
    if (a.direction === 'inbound' || !isContact(a.channel)) continue;
    const userId = performer(ctx, a);
    if (a.channel === 'email' && !a.automated) {
      const sender = ctx.sender(a.from);
      emails.push({
        id: a.id,
        leadId,
        at: a.at,
        userId,
        domain: sender.domain,
        personal: sender.personal,
        freeMail: sender.freeMail,
      });
    }
    if (a.evidence === 'claimed') {
      claims.push(claimFrom(e, ctx, 'activity', a.id, a.at, a.channel, userId, a.comment));
      continue;
    }
    if (a.automated) continue;
    const connected = isConnected(ctx, a);
    attempts.push({ id: a.id, at: a.at, channel: a.channel, userId, connected });
    if (a.channel !== 'call') continue;
    const from = ctx.phone(a.from);
    const isVoicemail = a.answeredBy === 'machine' || a.outcome === 'voicemail';
    calls.push({
      id: a.id,
      leadId,
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
  return { attempts, calls, emails, claims };
}

/**
 * What a lead's contact evidence says: genuine attempts, claims (completed contact tasks and
 * claimed activities) matched one-to-one against them, and the state of each task at asOf.
 */
export function contactFacts(e: LeadEvidence, ctx: StoreContext): ContactFacts {
  const { policy, asOf } = ctx;
  const scanned = scanActivities(e, ctx);
  const { claims, attempts } = scanned;
  for (const t of e.tasks) {
    if (t.completedAt !== null && t.completedAt <= asOf && isContact(t.taskType)) {
      const userId = t.completedBy ?? t.assignedTo;
      claims.push(claimFrom(e, ctx, 'task', t.id, t.completedAt, t.taskType, userId, t.comment));
    }
  }
  claims.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const matches = corroborate(claims, attempts, policy.corroborationWindowMin);
  for (const c of claims) c.corroboratedBy = matches.get(c.id) ?? null;

  const tasks = e.tasks.map((t): TaskFact => {
    const completedAt = t.completedAt !== null && t.completedAt <= asOf ? t.completedAt : null;
    const dismissedAt = t.dismissedAt !== null && t.dismissedAt <= asOf ? t.dismissedAt : null;
    return {
      id: t.id,
      leadId: e.lead.id,
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
  return { attempts, calls: scanned.calls, emails: scanned.emails, claims, tasks };
}
