export { encodeId, decodeId } from './lib/global-id';
export {
  Connection,
  ConnectionArgs,
  PageInfo,
  MAX_PAGE_SIZE,
  DEFAULT_PAGE_SIZE,
  type ConnectionShape,
  type Edge,
} from './lib/connection.types';
export {
  pageRequest,
  toConnection,
  encodeCursor,
  type PageRequest,
  type KeyValue,
} from './lib/keyset-page';
export { createErrorFormatter, type ErrorFormatterOptions } from './lib/error-formatter';
export { CandorHttpExceptionFilter, HTTP_STATUS_OF } from './lib/http-exception.filter';
