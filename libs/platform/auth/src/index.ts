export {
  MEMBERSHIP_ROLES,
  MembershipLookup,
  contextFrom,
  type MembershipRole,
  type MembershipGrant,
  type TenantContext,
} from './lib/tenant-context';
export {
  signAccessToken,
  verifyAccessToken,
  ACCESS_TOKEN_AUDIENCE,
  type AccessTokenClaims,
  type TokenSettings,
} from './lib/access-token';
export { Public, Requires, CurrentTenant, PUBLIC_KEY, REQUIRES_KEY } from './lib/auth.decorators';
export { ACTIONS, PERMISSIONS, roleAllows, type Action } from './lib/permissions';
export { AuthGuard, TOKEN_SETTINGS } from './lib/auth.guard';
export { requestOf, type AuthenticatedRequest } from './lib/request-of';
