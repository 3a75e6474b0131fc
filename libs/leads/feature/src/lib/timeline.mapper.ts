import type { StoredLeadEvidence } from '@candor/evidence-data-access';
import type { ActivityRecord, EvidenceRecord, TaskRecord } from '@candor/evidence-domain';
import type { LeadEvidence, LeadFacts, StoreContext } from '@candor/scoring';
import { agentOf } from './agent-of';
import type { LeadTimelineEntry, TimelineClaim } from './models/timeline-entry.model';
import { ClaimStatus, LeadTimelineKind, LinkedBy } from './models/timeline-enums';
import {
  activitySummary,
  appointmentSummary,
  claimSuffix,
  leadSummary,
  noteSummary,
  saleSummary,
  statusSummary,
  taskSummary,
} from './timeline-summary';

const MINUTE = 60_000;
const TRANSCRIPT_EXCERPT = 280;
const KIND_ORDER: Record<LeadTimelineKind, number> = {
  lead: 0,
  task: 1,
  activity: 2,
  note: 3,
  appointment: 4,
  status: 5,
  sale: 6,
};

export interface TimelineInput {
  ctx: StoreContext;
  storeId: string;
  stored: StoredLeadEvidence;
  evidence: LeadEvidence;
  facts: LeadFacts;
}

type ClaimFact = LeadFacts['claims'][number];

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The engine's verdict on a claim, in the words of the timeline. */
function claimOf(
  claim: ClaimFact,
  facts: LeadFacts,
  attemptAt: Map<string, number>,
): TimelineClaim {
  const backedAt = claim.corroboratedBy === null ? undefined : attemptAt.get(claim.corroboratedBy);
  return {
    status: claim.corroboratedBy === null ? ClaimStatus.UNCORROBORATED : ClaimStatus.CORROBORATED,
    channel: claim.channel,
    backedBy: claim.corroboratedBy,
    backedByGapMin: backedAt === undefined ? null : Math.abs(backedAt - claim.at) / MINUTE,
    stopsClock: claim.stopsClock,
    gapMin: claim.stopsClock && facts.clockStop ? facts.clockStop.gapMin : null,
    comment: claim.comment,
    fillerComment: claim.filler,
  };
}

function blank(
  base: Pick<LeadTimelineEntry, 'eventId' | 'at' | 'kind' | 'source' | 'actor' | 'summary'>,
): LeadTimelineEntry {
  return {
    ...base,
    claim: null,
    attempt: null,
    task: null,
    activity: null,
    note: null,
    appointment: null,
    status: null,
  };
}

/** When a task shows on the timeline: its completion or dismissal by now, else its due time. */
function taskAt(t: TaskRecord, asOf: number): number {
  if (t.completedAt !== null && t.completedAt <= asOf) return t.completedAt;
  if (t.dismissedAt !== null && t.dismissedAt <= asOf) return t.dismissedAt;
  return t.dueAt;
}

function linkedBy(a: ActivityRecord): LinkedBy {
  if (a.leadId !== null) return LinkedBy.LEAD_ID;
  // As the engine links: an e-mail by its address, anything else by its number.
  return a.channel === 'email' ? LinkedBy.EMAIL : LinkedBy.PHONE;
}

/** Every record of the lead as a timeline entry, in time order (then record type, then id). */
export function timelineOf({ ctx, storeId, stored, evidence: e, facts }: TimelineInput) {
  const agent = (id: string | null) => agentOf(ctx, storeId, id);
  const name = (id: string | null) => (id === null ? null : (ctx.users.get(id)?.name ?? id));
  const source = (r: EvidenceRecord) => stored.sourceOf(r);
  const claims = new Map(facts.claims.map((c) => [`${c.source}:${c.id}`, c]));
  const attempts = new Map(facts.attempts.map((a) => [a.id, a]));
  const attemptAt = new Map(facts.attempts.map((a) => [a.id, a.at]));
  const backs = new Map<string, string>();
  for (const c of facts.claims) if (c.corroboratedBy !== null) backs.set(c.corroboratedBy, c.id);
  const window = ctx.policy.corroborationWindowMin;
  const firstAttempt = facts.clockStop?.firstAttemptId ?? null;
  const entries: LeadTimelineEntry[] = [];

  const lead = e.lead;
  entries.push(
    blank({
      eventId: lead.id,
      at: new Date(lead.receivedAt),
      kind: LeadTimelineKind.LEAD,
      source: source(lead),
      actor: agent(lead.assignedTo),
      summary: leadSummary(lead, name(lead.assignedTo)),
    }),
  );

  for (const t of e.tasks) {
    const claim = claims.get(`task:${t.id}`);
    const view = claim ? claimOf(claim, facts, attemptAt) : null;
    const done = t.completedAt !== null && t.completedAt <= ctx.asOf;
    const actorId = done ? (t.completedBy ?? t.assignedTo) : t.assignedTo;
    entries.push({
      ...blank({
        eventId: t.id,
        at: new Date(taskAt(t, ctx.asOf)),
        kind: LeadTimelineKind.TASK,
        source: source(t),
        actor: agent(actorId),
        summary:
          taskSummary(t, ctx.asOf, name(actorId)) +
          (view ? claimSuffix(view, window, firstAttempt) : ''),
      }),
      claim: view,
      task: {
        type: t.taskType,
        createdAt: date(t.createdAt),
        dueAt: new Date(t.dueAt),
        completedAt: done ? date(t.completedAt) : null,
        dismissedAt:
          t.dismissedAt !== null && t.dismissedAt <= ctx.asOf ? date(t.dismissedAt) : null,
        assignedTo: agent(t.assignedTo),
        comment: t.comment,
      },
    });
  }

  for (const a of e.activities) {
    const claim = claims.get(`activity:${a.id}`);
    const attempt = attempts.get(a.id);
    const view = claim ? claimOf(claim, facts, attemptAt) : null;
    // The engine names the performer of a contact (also from the number it came from).
    const actorId = claim?.userId ?? attempt?.userId ?? a.userId;
    entries.push({
      ...blank({
        eventId: a.id,
        at: new Date(a.at),
        kind: LeadTimelineKind.ACTIVITY,
        source: source(a),
        actor: agent(actorId),
        summary:
          activitySummary(a, name(actorId), backs.get(a.id) ?? null) +
          (view ? claimSuffix(view, window, firstAttempt) : ''),
      }),
      claim: view,
      attempt: attempt
        ? {
            channel: attempt.channel,
            connected: attempt.connected,
            corroborates: backs.get(a.id) ?? null,
          }
        : null,
      activity: {
        channel: a.channel,
        direction: a.direction,
        evidence: a.evidence,
        automated: a.automated,
        from: a.from,
        to: a.to,
        durationSec: a.durationSec,
        answeredBy: a.answeredBy,
        outcome: a.outcome,
        subject: a.subject,
        transcriptExcerpt: a.transcript === null ? null : a.transcript.slice(0, TRANSCRIPT_EXCERPT),
        linkedBy: linkedBy(a),
      },
    });
  }

  for (const n of e.notes) {
    entries.push({
      ...blank({
        eventId: n.id,
        at: new Date(n.at),
        kind: LeadTimelineKind.NOTE,
        source: source(n),
        actor: agent(n.userId),
        summary: noteSummary(n, name(n.userId)),
      }),
      note: { text: n.text },
    });
  }

  for (const ap of e.appointments) {
    const seen = (ms: number | null) => (ms !== null && ms <= ctx.asOf ? new Date(ms) : null);
    entries.push({
      ...blank({
        eventId: ap.id,
        at: new Date(ap.setAt),
        kind: LeadTimelineKind.APPOINTMENT,
        source: source(ap),
        actor: agent(ap.setBy),
        summary: appointmentSummary(ap, ctx.asOf, ctx.clock.timeZone, name(ap.setBy)),
      }),
      appointment: {
        startsAt: new Date(ap.startsAt),
        confirmedAt: seen(ap.confirmedAt),
        shownAt: seen(ap.shownAt),
        cancelledAt: seen(ap.cancelledAt),
      },
    });
  }

  for (const s of e.statuses) {
    entries.push({
      ...blank({
        eventId: s.id,
        at: new Date(s.at),
        kind: LeadTimelineKind.STATUS,
        source: source(s),
        actor: agent(s.by),
        summary: statusSummary(s, name(s.by)),
      }),
      status: { status: s.status, reason: s.reason },
    });
  }

  for (const s of e.sales) {
    entries.push(
      blank({
        eventId: s.id,
        at: new Date(s.soldAt),
        kind: LeadTimelineKind.SALE,
        source: source(s),
        actor: agent(s.userId),
        summary: saleSummary(name(s.userId)),
      }),
    );
  }

  return entries.sort(
    (x, y) =>
      x.at.getTime() - y.at.getTime() ||
      KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
      (x.eventId < y.eventId ? -1 : x.eventId > y.eventId ? 1 : 0),
  );
}
