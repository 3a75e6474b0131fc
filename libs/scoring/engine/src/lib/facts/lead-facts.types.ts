import type { LeadKind, LeadStatus, TaskType } from '@candor/evidence-domain';
import type { VoicemailCheck } from './voicemail';

export type ContactChannel = 'call' | 'email' | 'text';

/** A genuine attempt (§1): outbound, recorded, not automated, call/email/text, linked. */
export interface AttemptFact {
  id: string;
  at: number;
  channel: ContactChannel;
  userId: string | null;
  connected: boolean;
}

/** A claim (§1): a completed call/email/text task or a claimed outbound activity. */
export interface ClaimFact {
  id: string;
  leadId: string;
  /** The lead's agent, who answers for a claim nobody signed. */
  leadAgentId: string | null;
  /** Whether this claim is the one that stopped its lead's clock (it has its own finding). */
  stopsClock: boolean;
  at: number;
  channel: ContactChannel;
  userId: string | null;
  comment: string | null;
  filler: boolean;
  source: 'task' | 'activity';
  corroboratedBy: string | null;
}

export interface CallFact {
  id: string;
  leadId: string;
  at: number;
  userId: string | null;
  from: string | null;
  /** null when the call has no usable from-number. */
  offSystem: boolean | null;
  connected: boolean;
  voicemail: { transcript: string | null; check: VoicemailCheck | null } | null;
}

export interface EmailFact {
  id: string;
  leadId: string;
  at: number;
  userId: string | null;
  domain: string | null;
  personal: boolean | null;
  freeMail: boolean;
}

export interface TaskFact {
  id: string;
  leadId: string;
  taskType: TaskType;
  assignedTo: string | null;
  /** Who completed it, else who it is assigned to. */
  userId: string | null;
  dueAt: number;
  completedAt: number | null;
  dismissedAt: number | null;
  comment: string | null;
  openAtAsOf: boolean;
  onTime: boolean;
  /** For completed call/email/text tasks: whether a genuine attempt backs it. */
  corroborated: boolean | null;
}

export interface ClosureFact {
  id: string;
  at: number;
  status: Extract<LeadStatus, 'lost' | 'bad' | 'inactive'>;
  userId: string | null;
  reason: string | null;
  attemptsBefore: number;
  daysAfterArrival: number;
  twoWayContact: boolean;
  exempt: boolean;
  premature: boolean;
}

export interface AppointmentFact {
  id: string;
  setAt: number;
  setBy: string | null;
  startsAt: number;
  confirmedBeforeStart: boolean;
  shownAt: number | null;
}

export interface TimingCallFact {
  id: string;
  at: number;
  userId: string | null;
  insideArrivalWindow: boolean;
  connected: boolean;
}

export interface CadenceFact {
  due: number;
  satisfied: number;
}

/**
 * Everything the metrics need to know about one lead, computed once per (lead evidence, asOf,
 * policy). Metrics are aggregations over these, so re-grading after new evidence recomputes only
 * the leads it touched.
 */
export interface LeadFacts {
  leadId: string;
  kind: LeadKind;
  /** Whether responsiveness, clock-stop and persistence metrics grade this lead (policy). */
  graded: boolean;
  assignedTo: string | null;
  receivedAt: number;
  attempts: AttemptFact[];
  claims: ClaimFact[];
  /** Business minutes to the first genuine attempt; Infinity when none by asOf. */
  trueResponseMin: number;
  trueResponseWallMin: number;
  /** Business minutes to the first CRM-reported response (claim or attempt); Infinity: none. */
  crmResponseMin: number;
  crmResponseWallMin: number;
  firstCrmResponse: { kind: 'attempt' | 'claim'; id: string; at: number } | null;
  clockStop: { claim: ClaimFact; gapMin: number; firstAttemptId: string | null } | null;
  /** null when the lead arrived less than 24 h before asOf. */
  noResponse24h: boolean | null;
  calls: CallFact[];
  emails: EmailFact[];
  tasks: TaskFact[];
  substantiveNoteId: string | null;
  personalNoteId: string | null;
  /** null when not eligible (arrived < 7 days before asOf, or sold within 7 days). */
  attempts7d: number | null;
  closure: ClosureFact | null;
  openAtAsOf: boolean;
  /** null when not eligible (not open, or arrived less than neglectDays before asOf). */
  neglected: boolean | null;
  timingCalls: TimingCallFact[];
  appointments: AppointmentFact[];
  soldByAsOf: boolean;
  cadence: CadenceFact;
}
