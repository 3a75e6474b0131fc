import type { StoreEvidence, UserRecord } from '@candor/evidence-domain';
import { type BusinessClock, createBusinessClock } from '@candor/shared-business-clock';
import { emailDomain, lastDigits, normalizeEmail, normalizePhone } from '@candor/shared-contact';
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
  isFreeMail(domain: string): boolean;
  /** The sending domain of a raw From value and what it means for the store (cached per value). */
  sender(raw: string | null): SenderVerdict;
  isFiller(comment: string | null): boolean;
  /** Store names and aliases, normalized and space-padded for transcript matching. */
  storeNames: readonly string[];
  /** Each user's full and first name, normalized and space-padded for transcript matching. */
  userNames: ReadonlyMap<string, { full: string; first: string }>;
  /** The last 7 digits of each store line (a callback number said in a voicemail). */
  storeLineDigits: readonly string[];
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

export interface SenderVerdict {
  domain: string | null;
  /** null when it cannot be judged (no address, or the store has no domains). */
  personal: boolean | null;
  freeMail: boolean;
}

/** Caches a string function: inputs (addresses, comments) repeat across a store's evidence. */
function memo<T>(fn: (raw: string) => T): (raw: string) => T {
  const cache = new Map<string, T>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined && !cache.has(raw)) {
      hit = fn(raw);
      if (cache.size < 1_000_000) cache.set(raw, hit);
    }
    return hit as T;
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
  const isFillerText = memo((comment) => filler(comment.trim().toLowerCase()));
  const freeMail = new Set(policy.freeMailDomains);
  const isStoreDomain = (domain: string) =>
    storeDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  const noSender: SenderVerdict = { domain: null, personal: null, freeMail: false };
  const sender = memo((raw): SenderVerdict => {
    const address = email(raw);
    if (address === null) return noSender;
    const domain = emailDomain(address);
    return {
      domain,
      personal: storeDomains.length === 0 ? null : !isStoreDomain(domain),
      freeMail: freeMail.has(domain),
    };
  });
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
    isStoreDomain,
    isFreeMail: (domain) => freeMail.has(domain),
    sender: (raw) => (raw === null ? noSender : sender(raw)),
    isFiller: (comment) => comment === null || isFillerText(comment),
    userNames: new Map(
      [...users.values()].map((u) => {
        const full = normalizeForMatching(u.name).trim();
        const first = full.split(' ')[0] ?? '';
        return [u.id, { full: full ? ` ${full} ` : '', first: first ? ` ${first} ` : '' }];
      }),
    ),
    storeLineDigits: [...storeLines].map((line) => lastDigits(line, 7)),
    storeNames: [...new Set([store?.name ?? '', ...(store?.names ?? [])])]
      .map((n) => normalizeForMatching(n).trim())
      .filter((n) => n.length > 0)
      .map((n) => ` ${n} `),
  };
}
