import { normalizeEmail, normalizePhone } from '@candor/shared-contact';

/** Everything that identifies one Candor user (agent) in the sources a store connects. */
export interface PersonIdentity {
  /** The Candor user id written into resolved records. */
  userId: string;
  /** The person's user ids in CRMs and phone systems (`source` is a connector kind: `elead`, …). */
  crmUserIds?: readonly { source: string; id: string }[];
  /** Cell, desk and direct-dial numbers, any format (normalized to E.164 here). */
  phoneNumbers?: readonly string[];
  /** Extensions on the store's phone system (digits). */
  extensions?: readonly string[];
  emails?: readonly string[];
}

export type IdentityKind = 'crmUser' | 'phone' | 'extension' | 'email';

/** One value listed for two or more people: it is never used to attribute anything. */
export interface IdentityConflict {
  kind: IdentityKind;
  value: string;
  userIds: string[];
}

/** Normalizers, injectable so a caller with per-run caches (the scoring engine) can pass its own. */
export interface ContactNormalizers {
  phone(raw: string): string | null;
  email(raw: string): string | null;
}

export const DEFAULT_NORMALIZERS: ContactNormalizers = {
  phone: (raw) => normalizePhone(raw),
  email: (raw) => normalizeEmail(raw),
};

/** Lookup tables built once per store; values listed for several people map to all of them. */
export interface IdentityIndex {
  knownUserIds: ReadonlySet<string>;
  /** `source\u0000id` and bare `id` → user ids. */
  crmUser: ReadonlyMap<string, readonly string[]>;
  phone: ReadonlyMap<string, readonly string[]>;
  extension: ReadonlyMap<string, readonly string[]>;
  email: ReadonlyMap<string, readonly string[]>;
  conflicts: IdentityConflict[];
}

const EXTENSION = /^\d{1,6}$/;

function add(map: Map<string, string[]>, key: string, userId: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [userId]);
  else if (!list.includes(userId)) list.push(userId);
}

function conflictsOf(kind: IdentityKind, map: Map<string, string[]>, out: IdentityConflict[]) {
  for (const [value, userIds] of map) {
    if (userIds.length > 1) out.push({ kind, value, userIds: [...userIds].sort() });
  }
}

/**
 * Indexes a directory. Values that cannot be read (a phone number that is not one) are skipped;
 * a value claimed by two people is kept with both, and reported as a conflict.
 */
export function indexIdentities(
  people: readonly PersonIdentity[],
  normalize: ContactNormalizers = DEFAULT_NORMALIZERS,
): IdentityIndex {
  const knownUserIds = new Set<string>();
  const crmUser = new Map<string, string[]>();
  const crmQualified = new Map<string, string[]>();
  const phone = new Map<string, string[]>();
  const extension = new Map<string, string[]>();
  const email = new Map<string, string[]>();
  for (const p of people) {
    knownUserIds.add(p.userId);
    for (const alias of p.crmUserIds ?? []) {
      add(crmQualified, `${alias.source}\u0000${alias.id}`, p.userId);
      add(crmUser, alias.id, p.userId);
    }
    for (const raw of p.phoneNumbers ?? []) {
      const n = normalize.phone(raw);
      if (n) add(phone, n, p.userId);
    }
    for (const raw of p.extensions ?? []) {
      const n = raw.trim();
      if (EXTENSION.test(n)) add(extension, n, p.userId);
    }
    for (const raw of p.emails ?? []) {
      const n = normalize.email(raw);
      if (n) add(email, n, p.userId);
    }
  }
  const conflicts: IdentityConflict[] = [];
  // A bare CRM id shared across sources is not a conflict by itself (the source tells them
  // apart); one id listed twice within the same source is.
  conflictsOf('crmUser', crmQualified, conflicts);
  conflictsOf('phone', phone, conflicts);
  conflictsOf('extension', extension, conflicts);
  conflictsOf('email', email, conflicts);
  conflicts.sort((a, b) =>
    a.kind === b.kind
      ? a.value < b.value
        ? -1
        : a.value > b.value
          ? 1
          : 0
      : a.kind < b.kind
        ? -1
        : 1,
  );
  for (const [key, ids] of crmQualified) crmUser.set(key, ids);
  return { knownUserIds, crmUser, phone, extension, email, conflicts };
}
