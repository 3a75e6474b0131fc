import type { Prng } from './prng';
import type { ActivityDetail } from './record-factory';

/**
 * A sales conversation on the phone: mostly a few minutes, sometimes a long one. Kept realistic
 * because scoring matches a ticked task to the call's start: a task ticked after a 20-minute
 * call would look made up.
 */
export function conversation(rng: Prng): ActivityDetail {
  const u = rng.next();
  const durationSec = u < 0.6 ? rng.int(90, 300) : u < 0.92 ? rng.int(300, 540) : rng.int(540, 900);
  return { durationSec, answeredBy: 'human', outcome: 'connected' };
}

const MISSED_CALLS = [
  ['voicemail', 55],
  ['no_answer', 30],
  ['hangup', 7],
  ['busy', 6],
  ['failed', 2],
] as const;

/** A call nobody talked on: mostly voicemail or no answer. */
export function missedCall(rng: Prng): ActivityDetail {
  switch (rng.weighted(MISSED_CALLS)) {
    case 'voicemail':
      return { durationSec: rng.int(18, 45), answeredBy: 'machine', outcome: 'voicemail' };
    case 'hangup':
      // Picked up and hung up at once: answered, but far too short to be a conversation.
      return { durationSec: rng.int(3, 20), answeredBy: 'human', outcome: 'connected' };
    case 'busy':
      return { durationSec: 0, outcome: 'busy' };
    case 'failed':
      return { durationSec: 0, outcome: 'failed' };
    default:
      return { durationSec: 0, outcome: 'no_answer' };
  }
}
