import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '@candor/platform-auth';
import { encodeId } from '@candor/platform-graphql';
import { errorCodes, gql } from '../../support/api-process';
import { type Operation, storeId, type World } from './matrix-types';

/**
 * Rows of the role × operation matrix for connector management, to be merged into OPERATIONS of
 * access-matrix.e2e-spec.ts (same shapes, copied here). The matrix API runs without
 * CANDOR_SECRETS_KEY and ids of connectors, dead letters and tokens that do not exist: an allowed
 * caller gets BAD_USER_INPUT or NOT_FOUND, never FORBIDDEN.
 */
const missing = (type: string) => encodeId(type, randomUUID());

const CONNECTORS = 'query($s: ID!) { connectors(storeId: $s) { totalCount } }';
const INGEST_TOKENS = 'query($s: ID!) { ingestTokens(storeId: $s) { totalCount } }';

/** Store X (index 0) is every member's; Y (index 1) only the owner's; B's store nobody's. */
const storeScoped =
  (query: string) =>
  async (w: World, t: string, role: Role): Promise<void> => {
    expect(errorCodes(await gql(w.api, t, query, { s: storeId(w.a, 0) }))).toEqual([]);
    const y = await gql(w.api, t, query, { s: storeId(w.a, 1) });
    expect(errorCodes(y)).toEqual(role === 'consultancy_owner' ? [] : ['NOT_FOUND']);
    const foreign = await gql(w.api, t, query, { s: storeId(w.b, 0) });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
  };

const byId = (name: string, mutation: string, type: string): Operation => ({
  name,
  action: 'connectors:manage',
  run: (w, t) => gql(w.api, t, mutation, { id: missing(type) }),
});

export const CONNECTOR_OPERATIONS: Operation[] = [
  {
    name: 'connectors',
    action: 'connectors:manage',
    run: (w, t) => gql(w.api, t, CONNECTORS, { s: storeId(w.a, 0) }),
    scoped: storeScoped(CONNECTORS),
  },
  {
    name: 'connectorDeadLetters',
    action: 'connectors:manage',
    run: (w, t) =>
      gql(w.api, t, 'query($c: ID!) { connectorDeadLetters(connectorId: $c) { totalCount } }', {
        c: missing('Connector'),
      }),
  },
  {
    name: 'ingestTokens',
    action: 'connectors:manage',
    run: (w, t) => gql(w.api, t, INGEST_TOKENS, { s: storeId(w.a, 0) }),
    scoped: storeScoped(INGEST_TOKENS),
  },
  {
    name: 'createConnector',
    action: 'connectors:manage',
    run: (w, t) =>
      gql(w.api, t, 'mutation($i: CreateConnectorInput!) { createConnector(input: $i) { id } }', {
        i: {
          storeId: storeId(w.a, 0),
          kind: 'twilio',
          displayName: `Matrix ${w.unique()}`,
          settings: { since: '2026-03-01' },
          credentials: { accountSid: `AC${'0'.repeat(32)}`, authToken: 'matrix' },
        },
      }),
  },
  {
    name: 'updateConnectorCredentials',
    action: 'connectors:manage',
    run: (w, t) =>
      gql(
        w.api,
        t,
        'mutation($id: ID!) { updateConnectorCredentials(id: $id, credentials: {authToken: "x"}) { id } }',
        { id: missing('Connector') },
      ),
  },
  {
    name: 'setConnectorEnabled',
    action: 'connectors:manage',
    run: (w, t) =>
      gql(w.api, t, 'mutation($id: ID!) { setConnectorEnabled(id: $id, enabled: false) { id } }', {
        id: missing('Connector'),
      }),
  },
  byId('testConnector', 'mutation($id: ID!) { testConnector(id: $id) { ok } }', 'Connector'),
  byId('syncConnector', 'mutation($id: ID!) { syncConnector(id: $id) { queued } }', 'Connector'),
  byId(
    'resolveDeadLetter',
    'mutation($id: ID!) { resolveDeadLetter(id: $id) { id } }',
    'ConnectorDeadLetter',
  ),
  {
    name: 'createIngestToken',
    action: 'connectors:manage',
    run: (w, t) =>
      gql(w.api, t, 'mutation($s: ID!) { createIngestToken(storeId: $s) { token } }', {
        s: storeId(w.a, 0),
      }),
  },
  byId(
    'revokeIngestToken',
    'mutation($id: ID!) { revokeIngestToken(id: $id) { id } }',
    'IngestToken',
  ),
];
