export {
  readBundle,
  readBundleByStore,
  DEFAULT_MAX_LINE_BYTES,
  DEFAULT_MAX_REPORTED,
} from './lib/bundle-reader';
export type {
  DuplicateLine,
  ReadOptions,
  ReadProgress,
  ReadSummary,
  RejectedLine,
} from './lib/read-summary';
