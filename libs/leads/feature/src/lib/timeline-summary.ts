import type {
  ActivityRecord,
  AppointmentRecord,
  LeadRecord,
  NoteRecord,
  StatusRecord,
  TaskRecord,
} from '@candor/evidence-domain';
import type { TimelineClaim } from './models/timeline-entry.model';

const CHANNEL_NOUN: Record<string, string> = {
  call: 'call',
  email: 'e-mail',
  text: 'text',
  visit: 'visit',
  other: 'contact',
};
const NOTE_EXCERPT = 80;

const by = (who: string | null) => (who ? ` by ${who}` : '');
const quoted = (text: string | null) => (text === null ? '' : `: "${text}"`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const round = (n: number) => Math.round(n * 10) / 10;

export function leadSummary(lead: LeadRecord, assignee: string | null): string {
  const who = lead.customer.name ?? 'unnamed customer';
  const from = lead.source ? ` from ${lead.source}` : '';
  return `${capital(lead.kind.replace('_', '-'))} lead${from} received: ${who}${assignee ? `, assigned to ${assignee}` : ''}`;
}

export function taskSummary(t: TaskRecord, asOf: number, who: string | null): string {
  const what = `${capital(t.taskType)} task`;
  if (t.completedAt !== null && t.completedAt <= asOf) {
    const early = Math.round((t.dueAt - t.completedAt) / 60_000);
    const timing = early >= 0 ? '' : ` ${-early} min after it was due`;
    return `${what} completed${by(who)}${timing}${quoted(t.comment)}`;
  }
  if (t.dismissedAt !== null && t.dismissedAt <= asOf) return `${what} dismissed${by(who)}`;
  return `${what} due${who ? ` for ${who}` : ''}, ${t.dueAt < asOf ? 'overdue and still open' : 'open'}`;
}

export function activitySummary(
  a: ActivityRecord,
  who: string | null,
  corroborates: string | null,
): string {
  const noun = CHANNEL_NOUN[a.channel] ?? a.channel;
  if (a.evidence === 'claimed') {
    return `${capital(noun)} logged in the CRM${by(who)} (claimed)${quoted(a.comment)}`;
  }
  const kind = `${a.direction === 'outbound' ? 'outbound' : 'inbound'} ${noun}`;
  const head = `${capital(a.automated ? `automated ${kind}` : kind)}${by(who)}${a.from ? ` from ${a.from}` : ''}${a.to ? ` to ${a.to}` : ''}`;
  const details: string[] = [];
  if (a.outcome) details.push(a.outcome.replace('_', ' '));
  if (a.durationSec !== null) details.push(`${a.durationSec} s`);
  if (a.subject) details.push(`"${a.subject}"`);
  const tail = corroborates ? `; backs ${corroborates}` : '';
  return `${head}${details.length ? `: ${details.join(', ')}` : ''}${tail}`;
}

/** What a claim's verdict adds to its line: what backs it, or that nothing does. */
export function claimSuffix(
  claim: TimelineClaim,
  windowMin: number,
  firstAttemptId: string | null,
): string {
  if (claim.backedBy !== null) return `; backed by ${claim.backedBy}`;
  const noun = CHANNEL_NOUN[claim.channel] ?? claim.channel;
  const missing = `; no recorded ${noun} within ${windowMin} min`;
  if (!claim.stopsClock || claim.gapMin === null) return missing;
  const gap = `${round(claim.gapMin)} business min`;
  return firstAttemptId === null
    ? `${missing}; stopped the clock, no genuine attempt yet (${gap} so far)`
    : `${missing}; stopped the clock, first genuine attempt ${firstAttemptId} ${gap} later`;
}

export function noteSummary(n: NoteRecord, who: string | null): string {
  const text = n.text.length > NOTE_EXCERPT ? `${n.text.slice(0, NOTE_EXCERPT - 1)}…` : n.text;
  return `Note${by(who)}: ${text}`;
}

/** e.g. "Thu, Mar 5, 17:30" in the store's time zone. */
function localTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

export function appointmentSummary(
  ap: AppointmentRecord,
  asOf: number,
  timeZone: string,
  who: string | null,
): string {
  const seen = (ms: number | null) => ms !== null && ms <= asOf;
  const state = seen(ap.cancelledAt)
    ? 'cancelled'
    : seen(ap.shownAt)
      ? 'shown'
      : seen(ap.confirmedAt)
        ? 'confirmed'
        : 'not confirmed';
  return `Appointment set${by(who)} for ${localTime(ap.startsAt, timeZone)} (${state})`;
}

export function statusSummary(s: StatusRecord, who: string | null): string {
  return `Status set to ${s.status}${by(who)}${s.reason ? `: ${s.reason}` : ''}`;
}

export function saleSummary(who: string | null): string {
  return `Sold${by(who)}`;
}
