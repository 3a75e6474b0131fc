import type { TaskRecord } from '@candor/evidence-domain';
import type { LeadTouches } from './lead-touches';
import { minutes } from './store-clock';

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

/** The first call task is due 15 minutes after arrival, the first e-mail 30 minutes after. */
const FIRST_CALL_DUE_MIN = 15;
const FIRST_EMAIL_DUE_MIN = 30;

/**
 * The cadence's tasks, created by the CRM the moment the lead arrives, one per step in CADENCE
 * order (null for a step the lead cannot take: no phone for a call, no address for an e-mail
 * when there is no fallback, or day 0 of a shopper who phoned in and is already talking).
 */
export function cadenceTasks(t: LeadTouches): (TaskRecord | null)[] {
  const { clock } = t.store;
  const received = t.lead.record.receivedAt;
  const phoneUp = t.lead.record.kind === 'phone';
  return CADENCE.map((step, index) => {
    const channel = reachableBy(t, step.channel);
    if (!channel || (phoneUp && step.day === 0)) return null;
    let dueAt: number;
    if (index === 0) dueAt = received + minutes(FIRST_CALL_DUE_MIN);
    else if (index === 1) dueAt = received + minutes(FIRST_EMAIL_DUE_MIN);
    // Later steps fall due at the time of day the lead arrived: the best time to reach a shopper.
    else dueAt = clock.slotOn(clock.day(received) + step.day, clock.minuteOfDay(received));
    return t.task(channel, received, dueAt);
  });
}

/** The channel a step uses for this shopper: calls and texts need a phone, e-mail an address. */
export function reachableBy(t: LeadTouches, channel: Channel): Channel | null {
  const { phone, email } = t.lead;
  if (channel !== 'email' && !phone) return email ? 'email' : null;
  if (channel === 'email' && !email) return phone ? 'text' : null;
  return channel;
}
