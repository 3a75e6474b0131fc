/** Roles a person can hold in a consultancy (see architecture.md, Tenancy). */
export const MEMBERSHIP_ROLES = [
  'consultancy_owner',
  'consultant',
  'dealer_manager',
  'dealer_agent',
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * Who is calling and for which consultancy. Built once per request by the AuthGuard from a
 * verified token and the membership stored in the database, never from client input; services
 * and repositories take it explicitly.
 */
export interface TenantContext {
  readonly userId: string;
  readonly consultancyId: string;
  readonly role: MembershipRole;
  /** Stores this caller may see: every store of the consultancy, or the assigned ones. */
  readonly stores:
    { readonly all: true } | { readonly all: false; readonly ids: readonly string[] };
}

/** What the membership store answers for a verified (user, consultancy) pair. */
export interface MembershipGrant {
  role: MembershipRole;
  storeIds: string[];
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
  return {
    userId,
    consultancyId,
    role: grant.role,
    stores: seesAll ? { all: true } : { all: false, ids: [...grant.storeIds].sort() },
  };
}
