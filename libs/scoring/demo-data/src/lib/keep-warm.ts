import type { LeadTouches } from './lead-touches';
import { DAY, HOUR } from './store-clock';
import { followUpSubject } from './story-texts';

/**
 * Check-ins between the cadence's steps. The store's cadence leaves a week between day 7 and
 * day 14 and two between day 14 and day 30; an agent who keeps a lead warm sends a short text or
 * e-mail whenever the next planned touch is more than `keepWarmEveryDays` away, until the lead
 * is sold or closed (`until`). Scoring calls an open lead neglected after 3 days without a real
 * attempt (`persistence.neglectedRate`): an agent who never lets 3 days pass is never caught, one
 * who lets 3½ pass sometimes is.
 *
 * Runs once the story is told, over the attempts it made: check-ins get no replies, so the
 * shopper side of the funnel stays as tuned.
 */
export function keepWarm(t: LeadTouches, until: number): void {
  const { rng, agent } = t;
  const { keepWarmShare, keepWarmEveryDays } = agent.profile;
  if (!rng.chance(keepWarmShare)) return;
  const attempts = attemptTimes(t);
  let last = attempts[0];
  if (last === undefined) return;
  const longest = keepWarmEveryDays * DAY;
  for (let i = 1; i <= attempts.length; i++) {
    const next = Math.min(attempts[i] ?? until, until);
    while (next - last > longest) {
      const at = checkInBefore(t, last, last + longest - rng.between(0, 8 * HOUR));
      if (at >= next) break;
      if (t.lead.phone && (!t.lead.email || rng.chance(0.5))) t.textMessage(at);
      else t.email(at, followUpSubject(rng, t.text));
      last = at;
    }
    last = Math.max(last, next);
  }
}

/** Outbound recorded attempts by a person so far, in time order. */
function attemptTimes(t: LeadTouches): number[] {
  const times: number[] = [];
  for (const r of t.records) {
    if (r.type !== 'activity' || r.direction !== 'outbound') continue;
    if (r.evidence !== 'recorded' || r.automated) continue;
    if (r.channel === 'call' || r.channel === 'email' || r.channel === 'text') times.push(r.at);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The latest working moment at or before `target` (a Sunday's check-in goes out on Saturday),
 * or the next one when the store is closed all the way back to `last`.
 */
function checkInBefore(t: LeadTouches, last: number, target: number): number {
  const { clock } = t.store;
  const margin = 20;
  for (let day = clock.day(target); day >= clock.day(last); day--) {
    const span = clock.hoursOn(day);
    if (!span) continue;
    const latest = clock.at(day, span[1] - margin);
    const at = Math.min(target, latest);
    if (at > last + HOUR && clock.isOpen(at)) return at;
    if (latest <= last + HOUR) break;
  }
  return clock.nextOpen(last + 2 * HOUR);
}
