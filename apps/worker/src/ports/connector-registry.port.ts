import type { PullConnector } from '@candor/connectors-core';
import type { ConnectorForSync } from '@candor/connectors-data-access';

/** Builds a polled connector from its stored configuration (settings and opened credentials). */
export type PullConnectorFactory = (connector: ConnectorForSync) => PullConnector;

/** Pull connectors by kind; a kind without a factory cannot be synced (the job says so). */
export type PullConnectorRegistry = ReadonlyMap<string, PullConnectorFactory>;
