import type { Prng } from './prng';

/** What the texts of one lead can mention. */
export interface TextContext {
  customerFirst: string;
  agentFirst: string;
  /** The store's name or one of its aliases, as an agent would say it. */
  storeSaid: string;
  model: string;
  /** The vehicle as a shopper would write it: `2026 Toyota RAV4`. */
  vehicle: string;
  /** A callback number as spoken (`312 555 0100`). */
  callback: string;
}

/** Comments agents type when ticking a task off just to stop the response clock. */
export const CLOCK_STOP_COMMENTS = ['sc', 's/c', 'stop clock', '.', 'SC'] as const;
/** Comments on tasks ticked without the work behind them. */
export const CHECKBOX_COMMENTS = ['called', 'done', 'x', '.', 'lm'] as const;

const CALL_DONE = ['Left VM', 'lvm', 'No answer, left message', 'Called, left voicemail'];
const CALL_TALKED = ['Spoke with customer', 'Talked to customer, see notes', 'Connected'];
const EMAIL_DONE = ['Sent pricing', 'Sent follow-up email', 'emailed', 'Sent availability'];
const TEXT_DONE = ['Texted', 'Sent text', 'Text sent, waiting on reply'];

export function taskComment(
  rng: Prng,
  channel: 'call' | 'email' | 'text',
  talked: boolean,
): string {
  if (channel === 'call') return rng.pick(talked ? CALL_TALKED : CALL_DONE);
  return rng.pick(channel === 'email' ? EMAIL_DONE : TEXT_DONE);
}

export type VoicemailKind = 'recognizable' | 'name_only' | 'vague';

export function voicemail(rng: Prng, kind: VoicemailKind, t: TextContext): string {
  switch (kind) {
    case 'recognizable':
      return rng.pick([
        `Hi ${t.customerFirst}, this is ${t.agentFirst} at ${t.storeSaid}. I got your request on the ${t.model} and have some options for you, call me at ${t.callback}.`,
        `Hey ${t.customerFirst}, ${t.agentFirst} with ${t.storeSaid} calling about the ${t.model} you asked about. Give me a call back at ${t.callback}, thanks.`,
        `Hi ${t.customerFirst}, it's ${t.agentFirst} from ${t.storeSaid}. Just following up on the ${t.model}; you can reach me at ${t.callback}.`,
        `Hi ${t.customerFirst}, ${t.agentFirst} here at ${t.storeSaid}. I have the numbers on the ${t.model} ready, call or text me at ${t.callback}.`,
      ]);
    case 'name_only':
      return rng.pick([
        `Hi ${t.customerFirst}, it's ${t.agentFirst}, following up on the ${t.model}. Give me a call back when you can.`,
        `Hey, ${t.agentFirst} here, just checking in on the ${t.model}, call me back.`,
      ]);
    case 'vague':
      // Deliberately no agent, no store, no number: the customer cannot tell who called.
      return rng.pick([
        'Hey, just calling about the car you asked about, call me back.',
        'Hi, following up on your inquiry, give us a call back.',
        'Hey there, calling back about the vehicle, call me when you get this.',
        'Hi, just checking in on the car, call back when you can, thanks.',
      ]);
  }
}

export function firstEmailSubject(rng: Prng, t: TextContext): string {
  return rng.pick([`Your ${t.vehicle}`, `${t.model} availability`, `Re: your ${t.model} inquiry`]);
}

export function followUpSubject(rng: Prng, t: TextContext): string {
  return rng.pick([
    `Still looking at the ${t.model}?`,
    'Checking in',
    `New ${t.model} arrivals this week`,
    `Quick question about your ${t.model} search`,
    `${t.storeSaid}: following up`,
  ]);
}

export function autoResponseSubject(t: TextContext): string {
  return `Thank you for your interest in the ${t.vehicle}`;
}

export function appointmentSubject(t: TextContext): string {
  return `Your visit to ${t.storeSaid}`;
}

/** A note worth reading, about the deal rather than the person. */
export function substantiveNote(rng: Prng, t: TextContext, talked: boolean): string {
  if (!talked) {
    return rng.pick([
      `No answer on the number provided; left a voicemail with my direct line and emailed the price sheet on the ${t.model}.`,
      `Checked inventory: two ${t.model}s in stock in the colors requested. Sent a walkaround video and availability.`,
      `Lead mentions a trade-in; pulled a value range so it is ready when ${t.customerFirst} calls back.`,
    ]);
  }
  return rng.pick([
    `Spoke with ${t.customerFirst}: shopping the ${t.model}, has a trade, wants to keep the payment under $${rng.int(4, 7)}50/mo.`,
    `Talked to ${t.customerFirst} for a while; comparing the ${t.model} with a competitor's quote, mostly cares about the out-the-door price.`,
    `${t.customerFirst} is pre-approved through a credit union and wants to see the ${t.model} in person before deciding.`,
  ]);
}

/** A note about the customer's life: what relationship-minded managers ask to see. */
export function personalNote(rng: Prng, t: TextContext): string {
  return rng.pick([
    `${t.customerFirst}'s daughter plays travel softball on Saturdays; prefers evening calls.`,
    `${t.customerFirst} is moving across town next month and needs more room for the dog.`,
    `${t.customerFirst} just started a new job at the hospital, works nights; call after 2pm.`,
    `Birthday is next week: ${t.customerFirst} is treating themself to the ${t.model}.`,
    `${t.customerFirst} and family are on vacation at the lake until the 20th; follow up after.`,
    `${t.customerFirst} coaches a son's baseball team and loves fishing; weekends are best.`,
  ]);
}

export const FILLER_NOTES = ['lvm', 'called', 'no answer', '.', 'f/u', 'n/a'] as const;

export const LOST_REASONS_AFTER_TALK = [
  ['purchased_elsewhere', 45],
  ['not_interested', 20],
  ['price', 15],
  ['credit', 10],
  ['timing', 10],
] as const;

/** `+13125550100` → `312 555 0100`, the way a number is said on a voicemail. */
export function spokenNumber(e164: string): string {
  const d = e164.slice(-10);
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}
