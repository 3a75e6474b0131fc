export { LoggingModule, type LoggingOptions } from './lib/logging.module';
export { requestIdFor, REQUEST_ID_HEADER } from './lib/request-id';
