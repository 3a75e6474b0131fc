import type { LeadTouches } from './lead-touches';

type Channel = 'call' | 'email' | 'text';

/** The store's follow-up process: day 0 call + e-mail, day 1 call, day 2 text, 3 call, 7 e-mail, … */
const CADENCE: readonly { day: number; channel: Channel }[] = [
  { day: 0, channel: 'call' },
  { day: 0, channel: 'email' },
  { day: 1, channel: 'call' },
  { day: 2, channel: 'text' },
  { day: 3, channel: 'call' },
  { day: 7, channel: 'email' },
  { day: 14, channel: 'call' },
  { day: 30, channel: 'call' },
];

/** The first call task is due 15 business minutes after arrival, the first e-mail 30. */
const FIRST_CALL_DUE_MIN = 15;
const FIRST_EMAIL_DUE_MIN = 30;
/** The CRM's nightly run creates the day's process tasks at 01:00 local time. */
const NIGHTLY_RUN_MINUTE = 60;

/** One step of a lead's cadence, before its task exists. */
export interface CadenceStep {
  channel: Channel;
  /** When the CRM creates the step's task. */
  createdAt: number;
  dueAt: number;
  /** When a punctual agent would work it: the time of day the lead arrived (later steps). */
  plannedAt: number;
}

/**
 * The cadence of one lead, one entry per step in CADENCE order (null for a step the lead cannot
 * take: no phone for a call, no address for an e-mail when there is no fallback, or day 0 of a
 * shopper who phoned in and is already talking).
 *
 * Days count from the lead's first working day and skip closed days, the way scoring counts
 * them, so a step worked on its planned day satisfies `process.cadenceCompliance`. Day-0 tasks
 * exist from arrival and fall due in business minutes (a lead at 23:00 is due soon after
 * opening, not while everyone sleeps). Later tasks are created by the nightly run on their own
 * day and are due by closing: a lead sold or closed by then never gets them, so the
 * export holds no pile of dismissed tasks that nobody was ever meant to work.
 */
export function cadencePlan(t: LeadTouches): (CadenceStep | null)[] {
  const { clock } = t.store;
  const received = t.lead.record.receivedAt;
  const phoneUp = t.lead.record.kind === 'phone';
  const day0 = clock.firstWorkday(received);
  const arrivalMinute = clock.minuteOfDay(received);
  return CADENCE.map((step, index) => {
    const channel = reachableBy(t, step.channel);
    if (!channel || (phoneUp && step.day === 0)) return null;
    if (step.day === 0) {
      const dueMin = index === 0 ? FIRST_CALL_DUE_MIN : FIRST_EMAIL_DUE_MIN;
      const dueAt = clock.addBusinessMinutes(received, dueMin);
      return { channel, createdAt: received, dueAt, plannedAt: dueAt };
    }
    const day = clock.openDayFrom(day0 + step.day);
    return {
      channel,
      createdAt: clock.at(day, NIGHTLY_RUN_MINUTE),
      dueAt: clock.closingOn(day),
      // The best time to reach a shopper is the time of day they wrote in.
      plannedAt: clock.slotOn(day, arrivalMinute),
    };
  });
}

/** The channel a step uses for this shopper: calls and texts need a phone, e-mail an address. */
export function reachableBy(t: LeadTouches, channel: Channel): Channel | null {
  const { phone, email } = t.lead;
  if (channel !== 'email' && !phone) return email ? 'email' : null;
  if (channel === 'email' && !email) return phone ? 'text' : null;
  return channel;
}
