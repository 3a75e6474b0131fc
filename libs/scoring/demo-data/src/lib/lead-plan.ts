import type { HabitProfile } from './agent-habits';
import type { Prng } from './prng';
import { DAY, HOUR, type StoreClock } from './store-clock';

/**
 * The shopper side of the funnel. Agents only change how often the chance to talk is taken;
 * these numbers are tuned so a whole store lands near the published new-internet-lead figures
 * (60% contacted, 32% set, 56% of appointments shown, 42% of shown sold); see the README.
 */
export const FUNNEL = {
  /** Shoppers who will talk to the store at all if it keeps trying. */
  reachable: 0.67,
  /** Of reachable shoppers the agent fails to reach, those who call or write back anyway. */
  reachOutShare: 0.45,
  /** Chance a genuine attempt reaches a reachable shopper, by channel. */
  firstCallConnects: 0.42,
  callConnects: 0.3,
  emailGetsReply: 0.24,
  textGetsReply: 0.3,
  /** After a first conversation. */
  setGivenTalk: 0.54,
  boughtElsewhereGivenTalk: 0.18,
  /** Later calls to a shopper already talked to. */
  laterCallConnects: 0.3,
  confirmed: 0.7,
  showIfConfirmed: 0.66,
  showIfUnconfirmed: 0.34,
  cancelShareOfNoShows: 0.4,
  soldFromShow: 0.42,
} as const;

export interface LeadPlan {
  reachable: boolean;
  /** When a reachable shopper would reach out by themselves if nobody had talked to them yet. */
  reachOutAt: number | null;
  /** Lead flipper only: when the lead is marked lost, and after how many attempts at most. */
  flipAt: number | null;
  flipAttempts: number;
}

export function planLead(
  rng: Prng,
  clock: StoreClock,
  profile: HabitProfile,
  receivedAt: number,
): LeadPlan {
  const reachable = rng.chance(FUNNEL.reachable);
  const reachOutAt =
    reachable && rng.chance(FUNNEL.reachOutShare)
      ? receivedAt + rng.between(2 * HOUR, 6 * DAY)
      : null;
  let flipAt: number | null = null;
  let flipAttempts = Number.POSITIVE_INFINITY;
  if (profile.flip) {
    const days = rng.int(profile.flip.afterDays[0], profile.flip.afterDays[1]);
    flipAt = clock.slotOn(clock.day(receivedAt) + days, rng.int(10 * 60, 17 * 60));
    flipAttempts = rng.int(profile.flip.attempts[0], profile.flip.attempts[1]);
  }
  return {
    reachable,
    reachOutAt: reachOutAt === null ? null : Math.round(reachOutAt / 1000) * 1000,
    flipAt,
    flipAttempts,
  };
}
