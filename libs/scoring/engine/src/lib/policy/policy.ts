import type { Channel, LeadKind } from '@candor/evidence-domain';
import type { Category, MetricId } from './metric-ids';

/**
 * How a graded metric turns into a 0–100 subscore: clamp((v − floor)/(target − floor), 0, 1) × 100.
 * Floor and target carry the direction (floor > target for "lower is better"). `absolute` grades
 * |v| instead of v (for indexes where both signs are bad, such as tasks.cherryPickIndex).
 */
export interface MetricGrading {
  floor: number;
  target: number;
  /** Weight inside its category. */
  weight: number;
  absolute?: boolean;
}

export interface CadenceStep {
  /** Days after day 0 (day 0 = the first business day at or after the lead's arrival). */
  day: number;
  channel: Extract<Channel, 'call' | 'email' | 'text'>;
}

/** Every threshold of the scoring specification, editable per consultancy and per store. */
export interface Policy {
  /** Reports name the version they were graded with, so grades stay comparable over time. */
  version: string;
  corroborationWindowMin: number;
  clockStopGraceMin: number;
  connectedMinSec: number;
  taskGraceMin: number;
  minAttemptsBeforeClose: number;
  minDaysBeforeClose: number;
  exemptCloseReasons: string[];
  neglectDays: number;
  /** Exact matches after trim + lower-case; an entry written as /…/ is a regular expression. */
  fillerPatterns: string[];
  substantiveNoteMinChars: number;
  /** Words and phrases (lower case) that mark a note as personal context. */
  personalDetailLexicon: string[];
  voicemailRequiresCallback: boolean;
  arrivalWindowMin: number;
  agentDailyTaskCapacity: number;
  cadence: CadenceStep[];
  /** Lead kinds graded for responsiveness, clock stops and persistence (walk-ins are not). */
  gradedLeadKinds: LeadKind[];
  /** Free-mail providers flagged by name in email.personalDomainRate findings. */
  freeMailDomains: string[];
  /** Grading of each metric; null means reported but never graded. */
  grading: Record<MetricId, MetricGrading | null>;
  categoryWeights: Record<Category, number>;
}
