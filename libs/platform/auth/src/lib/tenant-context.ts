/** Roles a person can hold in a consultancy (see architecture.md, Tenancy). */
export const MEMBERSHIP_ROLES = [
  'consultancy_owner',
  'consultant',
  'dealer_manager',
  'dealer_agent',
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Where a request came from; recorded with every audit event. */
export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
}

/** Which stores a caller may see: every store of the consultancy, or these ids. */
export type StoreAccess =
  { readonly all: true } | { readonly all: false; readonly ids: readonly string[] };

/**
 * Who is calling and for which consultancy. Built once per request by the AuthGuard from a
 * verified token (or API key) and the membership stored in the database, never from client
 * input; services and repositories take it explicitly.
 */
export interface TenantContext {
  /** The person calling; for an API key, the owner who created it (the key acts for them). */
  readonly userId: string;
  readonly consultancyId: string;
  readonly role: MembershipRole;
  /** Stores this caller may see: every store of the consultancy, or the assigned ones. */
  readonly stores: StoreAccess;
  /** Set when an API key calls: its id (the audit actor) and scopes (replace the role's table). */
  readonly apiKey?: { readonly id: string; readonly scopes: readonly string[] };
  /**
   * Dealer agents only: the evidence user ids (CRM user ids of the bundle) that are their own
   * work, per store id. Read it through ownWorkFilter rather than directly.
   */
  readonly agent?: { readonly evidenceUserIds: Readonly<Record<string, readonly string[]>> };
  readonly origin?: RequestOrigin;
}

/**
 * A verified platform admin (platform staff). Grants platform actions only; it is never a
 * TenantContext and so opens no tenant's data.
 */
export interface PlatformAdminContext {
  readonly userId: string;
  readonly origin?: RequestOrigin;
}

/** What the membership store answers for a verified (user, consultancy) pair. */
export interface MembershipGrant {
  role: MembershipRole;
  storeIds: string[];
  /** For dealer agents: their linked evidence user ids per store id (loaded with the grant). */
  evidenceUserIds?: Record<string, string[]>;
}

/**
 * Looks up a verified caller's membership. Implemented by the tenancy feature; declared here so
 * the guard does not depend on any domain.
 */
export abstract class MembershipLookup {
  abstract find(userId: string, consultancyId: string): Promise<MembershipGrant | null>;
}

export function contextFrom(
  userId: string,
  consultancyId: string,
  grant: MembershipGrant,
): TenantContext {
  const seesAll = grant.role === 'consultancy_owner';
  const base: TenantContext = {
    userId,
    consultancyId,
    role: grant.role,
    stores: seesAll ? { all: true } : { all: false, ids: [...grant.storeIds].sort() },
  };
  // Fail closed: an agent with nothing linked gets an empty map, so they see no one's work.
  return grant.role === 'dealer_agent'
    ? { ...base, agent: { evidenceUserIds: grant.evidenceUserIds ?? {} } }
    : base;
}

/** The stores both accesses allow (an API key's store restriction narrows its creator's). */
export function narrowStores(a: StoreAccess, b: StoreAccess): StoreAccess {
  if (a.all) return b;
  if (b.all) return a;
  const keep = new Set(b.ids);
  return { all: false, ids: a.ids.filter((id) => keep.has(id)) };
}
