export { CredentialStore, type MembershipChoice } from './lib/credential.store';
export { RefreshTokenRepository, type StoredRefreshToken } from './lib/refresh-token.repository';
export { InvitationRepository, type InvitationRow } from './lib/invitation.repository';
export { ApiKeyRepository, type ApiKeyRow } from './lib/api-key.repository';
export { AgentIdentityRepository, type AgentIdentityRow } from './lib/agent-identity.repository';
export { MemberRepository, type MemberRow } from './lib/member.repository';
export { PlatformTenantRepository, type TenantSummaryRow } from './lib/platform-tenant.repository';

/** Entities the application's data source must register for this domain (raw SQL only). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const IDENTITY_ENTITIES: Function[] = [];
