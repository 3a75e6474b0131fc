import { type DynamicModule, Module } from '@nestjs/common';
import { ApiKeyLookup, PlatformAdminLookup } from '@candor/platform-auth';
import {
  AgentIdentityRepository,
  ApiKeyRepository,
  CredentialStore,
  InvitationRepository,
  MemberRepository,
  PlatformTenantRepository,
  RefreshTokenRepository,
} from '@candor/identity-data-access';
import { AgentIdentityService } from './agent-identity.service';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { IDENTITY_SETTINGS, type IdentitySettings } from './identity.settings';
import { InvitationResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';
import { MemberResolver } from './member.resolver';
import { PlatformResolver } from './platform.resolver';
import { PlatformService } from './platform.service';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';

/** Resolvers of this feature; the API's schema printer builds the schema from these lists. */
export const IDENTITY_RESOLVERS = [
  SessionResolver,
  ApiKeyResolver,
  InvitationResolver,
  PlatformResolver,
  MemberResolver,
];

@Module({})
export class IdentityModule {
  static forRoot(settings: IdentitySettings): DynamicModule {
    return {
      module: IdentityModule,
      providers: [
        ...IDENTITY_RESOLVERS,
        SessionService,
        ApiKeyService,
        InvitationService,
        InvitationRepository,
        CredentialStore,
        RefreshTokenRepository,
        ApiKeyRepository,
        PlatformService,
        PlatformTenantRepository,
        AgentIdentityService,
        AgentIdentityRepository,
        MemberRepository,
        { provide: IDENTITY_SETTINGS, useValue: settings },
        { provide: ApiKeyLookup, useExisting: ApiKeyService },
        { provide: PlatformAdminLookup, useExisting: PlatformService },
      ],
      exports: [ApiKeyLookup, PlatformAdminLookup, CredentialStore],
    };
  }
}
