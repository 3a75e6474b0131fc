export type {
  ConnectorContext,
  ParseIssue,
  ParseResult,
  PullConnector,
  PullPage,
  PushConnector,
} from './lib/connector.port';
export { RecordCollector } from './lib/record-collector';
export { readVendorTime, US_DATE_FORMATS } from './lib/vendor-time';
export type { VendorTime } from './lib/vendor-time';
export { isStoreEmail, isStorePhone } from './lib/store-identity';
export { asObject, readJsonDocuments, textField } from './lib/json-documents';
export type { JsonDocument } from './lib/json-documents';
export { stableId } from './lib/stable-id';
