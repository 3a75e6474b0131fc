import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthGuard, TOKEN_SETTINGS, type TokenSettings } from '@candor/platform-auth';
import type { AppConfig } from '@candor/platform-config';
import { DatabaseModule } from '@candor/platform-database';
import {
  CandorHttpExceptionFilter,
  LeakyBucketLimiter,
  QUERY_COST_LIMITER,
  QueryCostGuard,
} from '@candor/platform-graphql';
import { Mailer } from '@candor/platform-mail';
import { LoggingModule } from '@candor/platform-observability';
import { AUDIT_ENTITIES } from '@candor/audit-data-access';
import { auditEveryMutation, AuditModule, AuditService } from '@candor/audit-feature';
import { EVIDENCE_ENTITIES } from '@candor/evidence-data-access';
import { ConnectorsModule } from '@candor/connectors-feature';
import { EvidenceModule } from '@candor/evidence-feature';
import { IDENTITY_ENTITIES } from '@candor/identity-data-access';
import { IdentityModule } from '@candor/identity-feature';
import { effectivePolicies, effectivePolicy } from '@candor/policy-data-access';
import { PolicyModule } from '@candor/policy-feature';
import { LeadsModule } from '@candor/leads-feature';
import { TENANCY_ENTITIES } from '@candor/tenancy-data-access';
import { ReportsModule } from '@candor/reports-feature';
import { TenancyModule } from '@candor/tenancy-feature';
import { WebhooksModule } from '@candor/webhooks-feature';
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
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [AuditService],
          useFactory: (audit: AuditService) => ({
            ...graphqlOptions(config),
            transformSchema: (schema) => auditEveryMutation(schema, audit),
          }),
        }),
        TenancyModule,
        IdentityModule.forRoot({
          tokens,
          accessTokenTtlSeconds: config.AUTH_ACCESS_TOKEN_TTL_SECONDS,
          refreshTokenTtlSeconds: config.AUTH_REFRESH_TOKEN_TTL_SECONDS,
          accountFailureLimit: config.AUTH_ACCOUNT_LOCKOUT_FAILURES,
          ipFailureLimit: config.AUTH_IP_LOCKOUT_FAILURES,
          secureCookies: config.NODE_ENV === 'production',
          publicUrl: config.PUBLIC_URL,
          mailer: new Mailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
        }),
        AuditModule,
        EvidenceModule,
        LeadsModule,
        ConnectorsModule.forRoot({
          secretsKey: config.CANDOR_SECRETS_KEY,
          publicUrl: config.PUBLIC_URL,
          databaseUrl: config.DATABASE_URL,
        }),
        WebhooksModule.forRoot({
          secretsKey: config.CANDOR_SECRETS_KEY,
          requireHttps: config.NODE_ENV === 'production',
          allowPrivateHosts: config.NODE_ENV !== 'production',
        }),
        ReportsModule.forRoot({ policyFor: effectivePolicy, policiesFor: effectivePolicies }),
        PolicyModule,
      ],
      controllers: [HealthController, ...(config.CANDOR_DEV_TOKENS ? [DevTokenController] : [])],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: TOKEN_SETTINGS, useValue: tokens },
        // Guards run in this order: who is calling, then what their operation costs.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: QueryCostGuard },
        { provide: APP_FILTER, useClass: CandorHttpExceptionFilter },
        {
          provide: QUERY_COST_LIMITER,
          useValue: new LeakyBucketLimiter({
            capacity: config.GRAPHQL_COST_CAPACITY,
            restorePerSecond: config.GRAPHQL_COST_RESTORE_PER_SECOND,
          }),
        },
      ],
    };
  }
}
