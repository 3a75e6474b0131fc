import type { LeadTouches } from './lead-touches';
import { FILLER_NOTES, personalNote, substantiveNote } from './story-texts';

/**
 * Notes after the first conversation: what was said (per habit), and for some agents something
 * about the customer's life. Returns whether a substantive note was written.
 */
export function noteConversation(t: LeadTouches, end: number): boolean {
  const { rng, agent } = t;
  const substantive = rng.chance(agent.profile.substantiveNoteShare);
  if (substantive) t.note(end + rng.int(60, 480) * 1000, substantiveNote(rng, t.text, true));
  if (rng.chance(agent.profile.personalNoteShare)) {
    t.note(end + rng.int(500, 900) * 1000, personalNote(rng, t.text));
  }
  return substantive;
}

/**
 * A note after the first day's work on a lead nobody has talked to yet: what was tried (per
 * habit), a filler line, or nothing. Returns whether it was substantive.
 */
export function noteFirstDay(t: LeadTouches, when: number): boolean {
  const { rng, agent } = t;
  if (rng.chance(agent.profile.substantiveNoteShare * 0.8)) {
    t.note(when + rng.int(300, 1200) * 1000, substantiveNote(rng, t.text, false));
    return true;
  }
  if (rng.chance(0.4)) t.note(when + rng.int(60, 600) * 1000, rng.pick(FILLER_NOTES));
  return false;
}
