import { ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthGuard, TOKEN_SETTINGS, type TokenSettings } from '@candor/platform-auth';
import type { AppConfig } from '@candor/platform-config';
import { DatabaseModule } from '@candor/platform-database';
import { CandorHttpExceptionFilter } from '@candor/platform-graphql';
import { LoggingModule } from '@candor/platform-observability';
import { AUDIT_ENTITIES } from '@candor/audit-data-access';
import { AuditModule } from '@candor/audit-feature';
import { EVIDENCE_ENTITIES } from '@candor/evidence-data-access';
import { EvidenceModule } from '@candor/evidence-feature';
import { IDENTITY_ENTITIES } from '@candor/identity-data-access';
import { IdentityModule } from '@candor/identity-feature';
import { TENANCY_ENTITIES } from '@candor/tenancy-data-access';
import { TenancyModule } from '@candor/tenancy-feature';
import { APP_CONFIG } from './config.token';
import { DevTokenController } from './dev-token/dev-token.controller';
import { graphqlOptions } from './graphql/graphql.options';
import { HealthController } from './health/health.controller';

/** Entities of every domain, registered on the application's data source. */
export const API_ENTITIES = [
  ...TENANCY_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...EVIDENCE_ENTITIES,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const tokens: TokenSettings = {
      secret: config.AUTH_JWT_SECRET,
      issuer: config.AUTH_TOKEN_ISSUER,
    };
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ level: config.LOG_LEVEL, service: 'api' }),
        DatabaseModule.forRoot({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: 'candor-api',
          entities: API_ENTITIES,
        }),
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        TenancyModule,
        IdentityModule,
        AuditModule,
        EvidenceModule,
      ],
      controllers: [HealthController, ...(config.CANDOR_DEV_TOKENS ? [DevTokenController] : [])],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: TOKEN_SETTINGS, useValue: tokens },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: CandorHttpExceptionFilter },
      ],
    };
  }
}
