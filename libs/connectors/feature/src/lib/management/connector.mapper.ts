import type {
  ConnectorSyncState,
  ConnectorView,
  DeadLetter,
  IngestTokenView,
} from '@candor/connectors-data-access';
import { encodeId } from '@candor/platform-graphql';
import { connectorTitle } from '../catalog/connector-catalog';
import {
  CONNECTOR_ID_TYPE,
  DEAD_LETTER_ID_TYPE,
  INGEST_TOKEN_ID_TYPE,
  STORE_ID_TYPE,
} from './connector-access';
import type { Connector } from './models/connector.model';
import type { ConnectorDeadLetter } from './models/dead-letter.model';
import type { IngestToken } from './models/ingest-token.model';

export function toConnectorModel(
  view: ConnectorView,
  state: ConnectorSyncState | null,
  openDeadLetters: number,
): Connector {
  return {
    id: encodeId(CONNECTOR_ID_TYPE, view.id),
    storeId: encodeId(STORE_ID_TYPE, view.storeId),
    kind: view.kind,
    title: connectorTitle(view.kind) ?? view.kind,
    displayName: view.displayName,
    settings: view.settings,
    hasCredentials: view.hasCredentials,
    enabled: view.enabled,
    syncIntervalMinutes: view.syncIntervalMinutes,
    syncStatus: {
      lastStartedAt: state?.lastStartedAt ?? null,
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: state?.lastError ?? null,
      lastErrorAt: state?.lastErrorAt ?? null,
      hasCursor: state?.cursor != null,
      cursorUpdatedAt: state?.cursor != null ? state.updatedAt : null,
    },
    openDeadLetters,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  };
}

export function toDeadLetterModel(letter: DeadLetter): ConnectorDeadLetter {
  return {
    id: encodeId(DEAD_LETTER_ID_TYPE, letter.id),
    connectorId: encodeId(CONNECTOR_ID_TYPE, letter.connectorId),
    jobId: letter.jobId,
    summary: letter.payloadSummary,
    reason: letter.reason,
    attempts: letter.attempts,
    failedAt: letter.failedAt,
  };
}

export function toIngestTokenModel(token: IngestTokenView): IngestToken {
  return {
    id: encodeId(INGEST_TOKEN_ID_TYPE, token.id),
    storeId: encodeId(STORE_ID_TYPE, token.storeId),
    tokenPrefix: token.tokenPrefix,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
