import type { ActivityRecord } from '@candor/evidence-domain';
import type { ContactNormalizers, IdentityIndex, IdentityKind } from './identity-directory';

/** How an activity's user was (or was not) found. */
export type UserMatch =
  | { outcome: 'kept'; userId: string | null }
  | { outcome: 'resolved'; userId: string; by: IdentityKind; value: string }
  | { outcome: 'ambiguous'; by: IdentityKind; value: string; candidates: string[] }
  | { outcome: 'unmatched'; value: string | null };

/** `212`, `x212`, `ext. 212`, `+13125550100 ext 212`, `+13125550100;ext=212`. */
const EXT_SUFFIX = /(?:^|[\s,;])(?:x|ext\.?|extension|;?ext=)\s*(\d{1,6})\s*$/i;
const BARE_EXTENSION = /^\s*(\d{1,6})\s*$/;

export function extensionOf(raw: string): string | null {
  const bare = BARE_EXTENSION.exec(raw);
  if (bare) return bare[1]!;
  const suffix = EXT_SUFFIX.exec(raw);
  return suffix ? suffix[1]! : null;
}

function pick(
  by: IdentityKind,
  value: string,
  candidates: readonly string[] | undefined,
): UserMatch | null {
  if (!candidates) return null;
  if (candidates.length === 1) return { outcome: 'resolved', userId: candidates[0]!, by, value };
  return { outcome: 'ambiguous', by, value, candidates: [...candidates].sort() };
}

/**
 * A CRM user id of `source` (or of any source when unknown) as a Candor user. Ids that are
 * already Candor user ids are kept.
 */
export function resolveUserAlias(
  index: IdentityIndex,
  id: string,
  source: string | null = null,
): UserMatch {
  if (index.knownUserIds.has(id)) return { outcome: 'kept', userId: id };
  const candidates =
    source !== null ? index.crmUser.get(`${source}\u0000${id}`) : index.crmUser.get(id);
  return pick('crmUser', id, candidates) ?? { outcome: 'unmatched', value: id };
}

/** The store's side of an activity: who placed an outbound call or received an inbound one. */
function agentSide(a: ActivityRecord): string | null {
  return a.direction === 'outbound' ? a.from : a.to;
}

/**
 * Who did an activity. A user id the source gave is translated through the CRM aliases. Without
 * one, the agent's side of the activity decides: for e-mail the address; for calls and texts an
 * extension first (the main line is shared by everyone, the extension is not), then the number.
 * A value listed for several people is ambiguous and attributes nothing.
 */
export function resolveActivityUser(
  index: IdentityIndex,
  a: ActivityRecord,
  normalize: ContactNormalizers,
  source: string | null = null,
): UserMatch {
  if (a.userId !== null) return resolveUserAlias(index, a.userId, source);
  const raw = agentSide(a);
  if (raw === null) return { outcome: 'unmatched', value: null };
  if (a.channel === 'email') {
    const email = normalize.email(raw);
    return (
      (email ? pick('email', email, index.email.get(email)) : null) ?? {
        outcome: 'unmatched',
        value: raw,
      }
    );
  }
  if (a.channel === 'call' || a.channel === 'text') {
    const ext = extensionOf(raw);
    const byExt = ext !== null ? pick('extension', ext, index.extension.get(ext)) : null;
    if (byExt) return byExt;
    const phone = normalize.phone(raw);
    const byPhone = phone ? pick('phone', phone, index.phone.get(phone)) : null;
    if (byPhone) return byPhone;
  }
  return { outcome: 'unmatched', value: raw };
}
