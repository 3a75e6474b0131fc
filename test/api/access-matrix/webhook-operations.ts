import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { errorCodes, gql } from '../../support/api-process';
import { type Operation } from './matrix-types';

/**
 * Rows of the role × operation matrix for outbound webhooks (`webhooks:manage`: owners only),
 * merged into OPERATIONS of access-matrix.e2e-spec.ts (same shapes, copied here). The matrix
 * API runs without CANDOR_SECRETS_KEY, and ids are of endpoints and deliveries that do not
 * exist: an allowed caller gets BAD_USER_INPUT or NOT_FOUND, never FORBIDDEN.
 */
const missing = (type: string) => encodeId(type, randomUUID());

const byId = (name: string, mutation: string, type: string, variable = 'id'): Operation => ({
  name,
  action: 'webhooks:manage',
  run: (w, t) => gql(w.api, t, mutation, { [variable]: missing(type) }),
  scoped: async (w, t) => {
    expect(errorCodes(await gql(w.api, t, mutation, { [variable]: missing(type) }))).toEqual([
      'NOT_FOUND',
    ]);
  },
});

export const WEBHOOK_OPERATIONS: Operation[] = [
  {
    name: 'webhookEndpoints',
    action: 'webhooks:manage',
    run: (w, t) => gql(w.api, t, '{ webhookEndpoints(first: 5) { totalCount } }'),
  },
  {
    name: 'createWebhookEndpoint',
    action: 'webhooks:manage',
    run: (w, t) =>
      gql(
        w.api,
        t,
        `mutation($i: CreateWebhookEndpointInput!) {
          createWebhookEndpoint(input: $i) { secret } }`,
        { i: { url: `https://hooks.example.com/${w.unique()}`, eventTypes: ['report.ready'] } },
      ),
    // Without CANDOR_SECRETS_KEY no secret can be sealed: the reason, not a server error.
    scoped: async (w, t) => {
      const res = await gql(
        w.api,
        t,
        `mutation { createWebhookEndpoint(input: {
          url: "https://hooks.example.com/m", eventTypes: ["report.ready"] }) { secret } }`,
      );
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message).toMatch(/CANDOR_SECRETS_KEY/);
    },
  },
  byId(
    'updateWebhookEndpoint',
    'mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: false }) { id } }',
    'WebhookEndpoint',
  ),
  {
    name: 'rotateWebhookSecret',
    action: 'webhooks:manage',
    run: (w, t) =>
      gql(w.api, t, 'mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }', {
        id: missing('WebhookEndpoint'),
      }),
  },
  byId(
    'deleteWebhookEndpoint',
    'mutation($id: ID!) { deleteWebhookEndpoint(id: $id) { deletedId } }',
    'WebhookEndpoint',
  ),
  byId(
    'sendTestWebhook',
    'mutation($e: ID!) { sendTestWebhook(endpointId: $e) { id } }',
    'WebhookEndpoint',
    'e',
  ),
  byId(
    'webhookDeliveries',
    'query($e: ID!) { webhookDeliveries(endpointId: $e) { totalCount } }',
    'WebhookEndpoint',
    'e',
  ),
  byId(
    'redeliverWebhook',
    'mutation($d: ID!) { redeliverWebhook(deliveryId: $d) { id } }',
    'WebhookDelivery',
    'd',
  ),
];
