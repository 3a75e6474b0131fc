// SecretBox moved to @candor/platform-crypto (webhooks seal their secrets with it too).
export { SecretBox, type SealedSecret } from '@candor/platform-crypto';
export {
  ConnectorRepository,
  type ConnectorCredentials,
  type ConnectorForSync,
  type ConnectorView,
  type NewConnector,
} from './lib/connector.repository';
export {
  ConnectorCursorRepository,
  MAX_ERROR_LENGTH,
  type ConnectorSyncState,
} from './lib/connector-cursor.repository';
export {
  DeadLetterRepository,
  type DeadLetter,
  type NewDeadLetter,
} from './lib/dead-letter.repository';
export {
  IngestTokenRepository,
  lookupIngestToken,
  type IngestTokenOwner,
  type IngestTokenView,
  type IssuedIngestToken,
} from './lib/ingest-token.repository';
export { findDueSyncs, type DueSync } from './lib/due-syncs.query';
export { RegradeRequestRepository } from './lib/regrade-request.repository';
