export {
  CONNECTOR_KINDS,
  ConnectorSetupError,
  connectorTitle,
  createPullConnector,
  validateConnector,
  type StoredConnector,
} from './lib/catalog/connector-catalog';
export { ConnectorsModule, CONNECTORS_RESOLVERS } from './lib/connectors.module';
export { CONNECTORS_OPTIONS, type ConnectorsOptions } from './lib/connectors.options';
