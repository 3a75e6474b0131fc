import { normalizeForMatching, type StoreContext } from './store-context';

export interface VoicemailCheck {
  namesAgent: boolean;
  namesStore: boolean;
  leavesCallback: boolean;
  recognizable: boolean;
}

/** `phrase` comes padded with spaces (see StoreContext), so this matches whole words only. */
function containsPhrase(haystack: string, phrase: string): boolean {
  return phrase.length > 0 && haystack.includes(phrase);
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
  const known = agentId === null ? undefined : ctx.userNames.get(agentId);
  const names = known ? [known] : [...ctx.userNames.values()];
  const namesAgent = names.some(
    ({ full, first }) => containsPhrase(text, full) || containsPhrase(text, first),
  );
  const namesStore = ctx.storeNames.some((name) => containsPhrase(text, name));
  const digits = transcript.replace(/\D/g, '');
  const leavesCallback = ctx.storeLineDigits.some(
    (last7) => last7.length > 0 && digits.includes(last7),
  );
  const recognizable =
    namesAgent && namesStore && (!ctx.policy.voicemailRequiresCallback || leavesCallback);
  return { namesAgent, namesStore, leavesCallback, recognizable };
}
