import type { MembershipRole } from './tenant-context';

/**
 * Everything a caller can be allowed to do. Resolvers and routes declare what they need with
 * @Requires(action); the guard grants it from the one table below (or an API key's scopes).
 */
export const ACTIONS = [
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
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The one permission table: role → actions. What a role may do within a store is further limited
 * by the stores it can see (TenantContext.stores) and, for dealer agents, to their own work.
 */
export const PERMISSIONS: Record<MembershipRole, readonly Action[]> = {
  consultancy_owner: ACTIONS,
  consultant: [
    'stores:read',
    'members:read',
    'evidence:read',
    'evidence:write',
    'connectors:manage',
    'scorecards:read',
    'findings:read',
  ],
  dealer_manager: [
    'stores:read',
    'members:read',
    'evidence:read',
    'scorecards:read',
    'findings:read',
  ],
  dealer_agent: ['stores:read', 'scorecards:read', 'findings:read'],
};

export function roleAllows(role: MembershipRole, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}
