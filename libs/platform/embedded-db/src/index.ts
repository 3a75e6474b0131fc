export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './lib/embedded-postgres';
export {
  inspectPostmaster,
  recoverStalePostmaster,
  type PostmasterState,
} from './lib/stale-postmaster';
