import type { LeadTouches } from './lead-touches';
import { HOUR } from './store-clock';
import { followUpSubject } from './story-texts';

/**
 * Back-and-forth once a shopper talks to the store: a question by text or e-mail, the agent's
 * answer in business hours. Most of a real lead's messages are these, not first attempts.
 */
export function converse(t: LeadTouches, from: number, until: number, count: number): void {
  const { rng, store, lead } = t;
  if (until <= from) return;
  const channel = lead.phone && (!lead.email || rng.chance(0.6)) ? 'text' : 'email';
  const times = Array.from({ length: count }, () => from + rng.between(0, until - from)).sort(
    (a, b) => a - b,
  );
  for (const asked of times) {
    t.inbound(channel, asked);
    const answered = store.clock.addBusinessMinutes(asked, rng.between(3, 60));
    if (channel === 'text') t.textMessage(answered);
    else t.email(answered, `Re: ${lead.vehicle}`);
  }
}

/** The CRM's automated drip e-mails, until the lead is sold, closed or has an appointment. */
export function drip(t: LeadTouches, until: number): void {
  const { rng, store, lead } = t;
  if (!lead.email) return;
  const day = store.clock.day(lead.record.receivedAt);
  for (const after of DRIP_DAYS) {
    // Campaign e-mails go out in a morning batch whether or not the store is open.
    const at = store.clock.at(day + after, 6 * 60) + rng.between(0, HOUR);
    if (at >= until) return;
    t.autoResponse(at, followUpSubject(rng, t.text));
  }
}

const DRIP_DAYS = [4, 10, 20, 45] as const;
