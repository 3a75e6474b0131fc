export {
  MEMBERSHIP_ROLES,
  MembershipLookup,
  contextFrom,
  narrowStores,
  type MembershipRole,
  type MembershipGrant,
  type PlatformAdminContext,
  type RequestOrigin,
  type StoreAccess,
  type TenantContext,
} from './lib/tenant-context';
export {
  signAccessToken,
  verifyAccessToken,
  ACCESS_TOKEN_AUDIENCE,
  type AccessTokenClaims,
  type TokenSettings,
} from './lib/access-token';
export {
  Public,
  Requires,
  CurrentTenant,
  CurrentPlatformAdmin,
  PUBLIC_KEY,
  REQUIRES_KEY,
} from './lib/auth.decorators';
export {
  ACTIONS,
  API_KEY_SCOPES,
  PERMISSIONS,
  PLATFORM_ACTIONS,
  TENANT_ACTIONS,
  callerAllows,
  isPlatformAction,
  roleAllows,
  type Action,
  type PlatformAction,
  type Role,
} from './lib/permissions';
export { ownWorkFilter } from './lib/own-work';
export { PlatformAdminLookup } from './lib/platform-admin-lookup';
export { AuthGuard, TOKEN_SETTINGS } from './lib/auth.guard';
export { requestOf, originOf, type AuthenticatedRequest } from './lib/request-of';
export { API_KEY_PREFIX, ApiKeyLookup, type ApiKeyGrant } from './lib/api-key-lookup';
export { AuditRecorder, actorOf, type AuditActor, type AuditEntry } from './lib/audit-recorder';
