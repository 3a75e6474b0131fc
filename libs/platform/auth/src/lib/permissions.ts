import type { MembershipRole } from './tenant-context';

/**
 * Everything a member can be allowed to do within their consultancy. Resolvers and routes declare
 * what they need with @Requires(action); the guard grants it from the one table below (or an API
 * key's scopes).
 */
export const TENANT_ACTIONS = [
  'stores:read',
  'stores:write',
  'members:read',
  'members:invite',
  'members:manage',
  'apikeys:manage',
  'audit:read',
  'evidence:read',
  'evidence:write',
  'connectors:manage',
  'scorecards:read',
  'findings:read',
  'policies:write',
  'webhooks:manage',
  'session:manage',
  'agents:link',
] as const;

/**
 * What platform staff may do across tenants: list and create consultancies. None of these reads
 * a tenant's stores, people or evidence; for that a platform admin needs a membership like anyone.
 */
export const PLATFORM_ACTIONS = ['platform:tenants'] as const;

export const ACTIONS = [...TENANT_ACTIONS, ...PLATFORM_ACTIONS] as const;
export type Action = (typeof ACTIONS)[number];
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

/** Every role of the table: the membership roles and platform staff. */
export type Role = MembershipRole | 'platform_admin';

export function isPlatformAction(action: Action): action is PlatformAction {
  return (PLATFORM_ACTIONS as readonly string[]).includes(action);
}

/**
 * The one permission table: role → actions. What a role may do within a store is further limited
 * by the stores it can see (TenantContext.stores) and, for dealer agents, to their own work.
 */
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  // Held beside (never instead of) a membership: platform actions only, no tenant data.
  platform_admin: PLATFORM_ACTIONS,
  consultancy_owner: TENANT_ACTIONS,
  consultant: [
    'stores:read',
    'members:read',
    'evidence:read',
    'evidence:write',
    'connectors:manage',
    'scorecards:read',
    'findings:read',
    'session:manage',
  ],
  dealer_manager: [
    'stores:read',
    'members:read',
    'evidence:read',
    'scorecards:read',
    'findings:read',
    'session:manage',
    'agents:link',
  ],
  dealer_agent: ['stores:read', 'scorecards:read', 'findings:read', 'session:manage'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** Scopes an API key may carry: the actions of the table a third party can sensibly use. */
export const API_KEY_SCOPES: readonly Action[] = [
  'stores:read',
  'stores:write',
  'evidence:read',
  'evidence:write',
  'scorecards:read',
  'findings:read',
  'members:read',
];

/**
 * Whether a member may do `action` in their consultancy: by their role's row of the table and,
 * for an API key, also by the key's scopes (a key never exceeds the role of its creator).
 * Platform actions are never granted here: only a verified platform admin holds them.
 */
export function callerAllows(
  caller: { role: MembershipRole; apiKey?: { scopes: readonly string[] } },
  action: Action,
): boolean {
  if (isPlatformAction(action) || !roleAllows(caller.role, action)) return false;
  return caller.apiKey ? caller.apiKey.scopes.includes(action) : true;
}
