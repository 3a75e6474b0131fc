import { lastDigits } from '@candor/shared-contact';
import { normalizeForMatching, type StoreContext } from './store-context';

export interface VoicemailCheck {
  namesAgent: boolean;
  namesStore: boolean;
  leavesCallback: boolean;
  recognizable: boolean;
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return phrase.length > 0 && haystack.includes(` ${phrase} `);
}

/**
 * Whether a voicemail tells the customer who called (§2, voicemail.recognizableRate): the
 * agent's first or full name and the store's name or an alias, case and punctuation ignored;
 * with `voicemailRequiresCallback`, also one of the store's numbers (last 7 digits suffice).
 * When the caller is unknown, any store user's name counts as naming the agent.
 */
export function checkVoicemail(
  ctx: StoreContext,
  transcript: string,
  agentId: string | null,
): VoicemailCheck {
  const text = normalizeForMatching(transcript);
  const agents =
    agentId !== null && ctx.users.has(agentId)
      ? [ctx.users.get(agentId)!]
      : [...ctx.users.values()];
  const namesAgent = agents.some((user) => {
    const full = normalizeForMatching(user.name).trim();
    const first = full.split(' ')[0] ?? '';
    return containsPhrase(text, full) || containsPhrase(text, first);
  });
  const namesStore = ctx.storeNames.some((name) => containsPhrase(text, name));
  const digits = transcript.replace(/\D/g, '');
  const leavesCallback = [...ctx.storeLines].some((line) => digits.includes(lastDigits(line, 7)));
  const recognizable =
    namesAgent && namesStore && (!ctx.policy.voicemailRequiresCallback || leavesCallback);
  return { namesAgent, namesStore, leavesCallback, recognizable };
}
