export type {
  ConnectorContext,
  ParseIssue,
  ParseResult,
  PullConnector,
  PullPage,
  PushConnector,
} from './lib/connector.port';
