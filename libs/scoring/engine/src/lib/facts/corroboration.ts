import type { Channel } from '@candor/evidence-domain';

export interface TimedEvent {
  id: string;
  at: number;
  channel: Channel;
}

const MINUTE = 60_000;

/**
 * One-to-one corroboration (§1): claims taken in time order, each takes the nearest unused
 * genuine attempt on the same channel within `windowMin` wall-clock minutes (ties: the earlier
 * attempt). Returns claim id → id of the attempt that corroborates it (absent: uncorroborated).
 * Both lists must be sorted by (at, id).
 */
export function corroborate(
  claims: readonly TimedEvent[],
  attempts: readonly TimedEvent[],
  windowMin: number,
): Map<string, string> {
  const matched = new Map<string, string>();
  const used = new Set<number>();
  const window = windowMin * MINUTE;
  for (const claim of claims) {
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; i < attempts.length; i++) {
      const attempt = attempts[i]!;
      if (attempt.at > claim.at + window) break;
      if (used.has(i) || attempt.channel !== claim.channel) continue;
      const gap = Math.abs(attempt.at - claim.at);
      if (gap <= window && gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    if (best >= 0) {
      used.add(best);
      matched.set(claim.id, attempts[best]!.id);
    }
  }
  return matched;
}
