import type { StoreEvidence, UserRecord } from '@candor/evidence-domain';
import { type BusinessClock, createBusinessClock } from '@candor/shared-business-clock';
import { emailDomain, normalizeEmail, normalizePhone } from '@candor/shared-contact';
import type { Policy } from '../policy/policy';
import { textMatcher } from './text-match';

/** What every per-lead computation of one store needs, built once per grading run. */
export interface StoreContext {
  storeId: string;
  storeName: string | null;
  policy: Policy;
  asOf: number;
  clock: BusinessClock;
  /** Whether the store gave business hours (otherwise every minute counts). */
  hasBusinessHours: boolean;
  storeLines: ReadonlySet<string>;
  storeDomains: readonly string[];
  users: ReadonlyMap<string, UserRecord>;
  phone(raw: string | null): string | null;
  email(raw: string | null): string | null;
  /** The user a phone number or e-mail address belongs to, if any. */
  userByContact(normalized: string | null): string | null;
  isStoreDomain(domain: string): boolean;
  isFiller(comment: string | null): boolean;
  /** Store names and aliases, normalized for transcript matching. */
  storeNames: readonly string[];
}

const E164 = /^\+[1-9]\d{7,14}$/;
const NANP_DIGITS = /^1?(\d{10})$/;

/**
 * Phone normalization is the hot path of linking (every call and text has two numbers), and
 * libphonenumber is slow; numbers repeat heavily, so results are cached per run, with a fast
 * path for numbers already in E.164 or plain 10-digit North American form.
 */
function phoneNormalizer(): (raw: string | null) => string | null {
  const cache = new Map<string, string | null>();
  return (raw) => {
    if (raw === null) return null;
    let hit = cache.get(raw);
    if (hit !== undefined) return hit;
    const compact = raw.replace(/[\s().-]/g, '');
    if (E164.test(compact)) hit = compact;
    else {
      const nanp = NANP_DIGITS.exec(compact);
      hit = nanp ? `+1${nanp[1]}` : normalizePhone(raw);
    }
    if (cache.size < 1_000_000) cache.set(raw, hit);
    return hit;
  };
}

function emailNormalizer(): (raw: string | null) => string | null {
  const cache = new Map<string, string | null>();
  return (raw) => {
    if (raw === null) return null;
    let hit = cache.get(raw);
    if (hit === undefined) {
      hit = normalizeEmail(raw);
      if (cache.size < 1_000_000) cache.set(raw, hit);
    }
    return hit;
  };
}

export function normalizeForMatching(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

export function buildStoreContext(
  evidence: StoreEvidence,
  policy: Policy,
  asOf: number,
): StoreContext {
  const store = evidence.store;
  const phone = phoneNormalizer();
  const email = emailNormalizer();
  const storeLines = new Set(
    (store?.phoneNumbers ?? []).map((p) => phone(p)).filter((p): p is string => p !== null),
  );
  const storeDomains = (store?.emailDomains ?? []).map((d) => d.toLowerCase());
  const users = new Map<string, UserRecord>();
  const byContact = new Map<string, string>();
  for (const user of [...evidence.users].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    users.set(user.id, user);
    for (const p of user.phoneNumbers) {
      const n = phone(p);
      // A store line shared by everyone identifies no one.
      if (n && !storeLines.has(n) && !byContact.has(n)) byContact.set(n, user.id);
    }
    for (const e of user.emails) {
      const n = email(e);
      if (n && !byContact.has(n)) byContact.set(n, user.id);
    }
  }
  const filler = textMatcher(policy.fillerPatterns, 'exact');
  return {
    storeId: evidence.storeId,
    storeName: store?.name ?? null,
    policy,
    asOf,
    clock: createBusinessClock(store?.timeZone ?? 'UTC', store?.businessHours ?? null),
    hasBusinessHours: store?.businessHours != null,
    storeLines,
    storeDomains,
    users,
    phone,
    email,
    userByContact: (n) => (n === null ? null : (byContact.get(n) ?? null)),
    isStoreDomain: (domain) => storeDomains.some((d) => domain === d || domain.endsWith(`.${d}`)),
    isFiller: (comment) => comment === null || filler(comment.trim().toLowerCase()),
    storeNames: [...new Set([store?.name ?? '', ...(store?.names ?? [])])]
      .map((n) => normalizeForMatching(n).trim())
      .filter((n) => n.length > 0),
  };
}

export { emailDomain };
