import type { Provider, Type } from '@nestjs/common';
import {
  ConnectorCursorRepository,
  DeadLetterRepository,
  IngestTokenRepository,
} from '@candor/connectors-data-access';
import { ConnectorAccess } from './connector-access';
import { ConnectorProbeService } from './connector-probe.service';
import { ConnectorResolver } from './connector.resolver';
import { ConnectorService } from './connector.service';
import { DeadLetterResolver } from './dead-letter.resolver';
import { DeadLetterService } from './dead-letter.service';
import { IngestTokenResolver } from './ingest-token.resolver';
import { IngestTokenService } from './ingest-token.service';
import { SyncQueue } from './sync-queue';

export const MANAGEMENT_RESOLVERS: Type[] = [
  ConnectorResolver,
  DeadLetterResolver,
  IngestTokenResolver,
];

/** Services of connector management (the ConnectorRepository comes from the module: it holds the key). */
export const MANAGEMENT_PROVIDERS: Provider[] = [
  { provide: ConnectorCursorRepository, useValue: new ConnectorCursorRepository() },
  { provide: DeadLetterRepository, useValue: new DeadLetterRepository() },
  { provide: IngestTokenRepository, useValue: new IngestTokenRepository() },
  ConnectorAccess,
  ConnectorService,
  ConnectorProbeService,
  DeadLetterService,
  IngestTokenService,
  SyncQueue,
];
