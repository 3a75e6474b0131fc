import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBERSHIP_ROLES, type Role, roleAllows } from '@candor/platform-auth';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource, ownerDataSource } from '@candor/platform-testing';
import {
  newMember,
  newPlatformAdmin,
  newTenant,
  platformTokenFor,
  tokenFor,
} from '@candor/tenancy-testing';
import { errorCodes, gql, startApi } from '../support/api-process';
import { CONNECTOR_OPERATIONS } from './access-matrix/connector-operations';
import { EVIDENCE_OPERATIONS } from './access-matrix/evidence-operations';
import { REPORT_OPERATIONS } from './access-matrix/report-operations';
import { POLICY_OPERATIONS } from './access-matrix/policy-operations';
import { LEAD_OPERATIONS } from './access-matrix/lead-operations';
import { WEBHOOK_OPERATIONS } from './access-matrix/webhook-operations';
import { type Operation, storeId, type World } from './access-matrix/matrix-types';

/**
 * Role × operation matrix over two consultancies with three stores each. Every member outside
 * the owner is assigned store X (index 0) only; the platform admin holds no membership. Each operation names the action it needs; the
 * expected outcome comes from the permission table, so the test follows the table and catches a
 * resolver that does more (or less) than it declares. Later operations slot into OPERATIONS.
 */
const STORE = 'query($id: ID!) { store(id: $id) { id } }';
const LINK = `mutation($i: LinkAgentIdentityInput!) { linkAgentIdentity(input: $i) { id } }`;
const linkInput = (w: World, store: string) => ({
  i: { userId: encodeId('User', w.agentId), storeId: store, crmUserId: `m-${w.unique()}` },
});

const OPERATIONS: Operation[] = [
  {
    name: 'viewer',
    action: 'stores:read',
    run: (w, t) => gql(w.api, t, '{ viewer { role } }'),
  },
  {
    name: 'stores',
    action: 'stores:read',
    run: (w, t) => gql(w.api, t, '{ stores { totalCount } }'),
    scoped: async (w, t, role) => {
      const res = await gql<{ stores: { totalCount: number } }>(
        w.api,
        t,
        '{ stores { totalCount } }',
      );
      expect(res.data?.stores.totalCount).toBe(role === 'consultancy_owner' ? 3 : 1);
    },
  },
  {
    name: 'store',
    action: 'stores:read',
    run: (w, t) => gql(w.api, t, STORE, { id: storeId(w.a, 0) }),
    scoped: async (w, t, role) => {
      const y = await gql(w.api, t, STORE, { id: storeId(w.a, 1) });
      expect(errorCodes(y)).toEqual(role === 'consultancy_owner' ? [] : ['NOT_FOUND']);
      const foreign = await gql(w.api, t, STORE, { id: storeId(w.b, 0) });
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    },
  },
  {
    name: 'createStore',
    action: 'stores:write',
    run: (w, t) =>
      gql(w.api, t, 'mutation($i: CreateStoreInput!) { createStore(input: $i) { id } }', {
        i: { externalId: `m-${w.unique()}`, name: 'Matrix', timeZone: 'UTC' },
      }),
  },
  {
    name: 'updateStore',
    action: 'stores:write',
    run: (w, t) =>
      gql(w.api, t, 'mutation($id: ID!) { updateStore(id: $id, input: { name: "X" }) { id } }', {
        id: storeId(w.a, 0),
      }),
    scoped: async (w, t) => {
      const foreign = await gql(
        w.api,
        t,
        'mutation($id: ID!) { updateStore(id: $id, input: { name: "X" }) { id } }',
        { id: storeId(w.b, 0) },
      );
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    },
  },
  {
    name: 'deleteStore',
    action: 'stores:write',
    // A store that does not exist: allowed callers get NOT_FOUND, so the world stays intact.
    run: (w, t) =>
      gql(w.api, t, 'mutation($id: ID!) { deleteStore(id: $id) { deletedId } }', {
        id: encodeId('Store', '00000000-0000-4000-8000-000000000000'),
      }),
    scoped: async (w, t) => {
      const foreign = await gql(
        w.api,
        t,
        'mutation($id: ID!) { deleteStore(id: $id) { deletedId } }',
        {
          id: storeId(w.b, 0),
        },
      );
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    },
  },
  {
    name: 'revokeApiKey',
    action: 'apikeys:manage',
    run: (w, t) =>
      gql(w.api, t, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', {
        id: encodeId('ApiKey', '00000000-0000-4000-8000-000000000000'),
      }),
  },
  {
    name: 'switchConsultancy',
    action: 'session:manage',
    run: (w, t) =>
      gql(w.api, t, 'mutation($c: ID!) { switchConsultancy(consultancyId: $c) { accessToken } }', {
        c: encodeId('Consultancy', w.a.consultancyId),
      }),
    scoped: async (w, t) => {
      const foreign = await gql(
        w.api,
        t,
        'mutation($c: ID!) { switchConsultancy(consultancyId: $c) { accessToken } }',
        { c: encodeId('Consultancy', w.b.consultancyId) },
      );
      expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    },
  },
  {
    name: 'inviteMember',
    action: 'members:invite',
    // Without SMTP_URL the API logs the mail instead of sending it.
    run: (w, t) =>
      gql(w.api, t, 'mutation($e: String!) { inviteMember(email: $e, role: CONSULTANT) { id } }', {
        e: `invitee-${w.unique()}@example.test`,
      }),
  },
  {
    name: 'auditEvents',
    action: 'audit:read',
    run: (w, t) => gql(w.api, t, '{ auditEvents { totalCount } }'),
  },
  {
    name: 'verifyAuditChain',
    action: 'audit:read',
    run: (w, t) => gql(w.api, t, '{ verifyAuditChain { intact } }'),
  },
  {
    name: 'apiKeys',
    action: 'apikeys:manage',
    run: (w, t) => gql(w.api, t, '{ apiKeys { id } }'),
  },
  {
    name: 'createApiKey',
    action: 'apikeys:manage',
    run: (w, t) =>
      gql(
        w.api,
        t,
        'mutation { createApiKey(input: { name: "m", scopes: ["stores:read"] }) { secret } }',
      ),
  },
  {
    name: 'consultancies',
    action: 'platform:tenants',
    run: (w, t) => gql(w.api, t, '{ consultancies(first: 1) { totalCount } }'),
  },
  {
    name: 'createConsultancy',
    action: 'platform:tenants',
    run: (w, t) =>
      gql(
        w.api,
        t,
        `mutation($n: String!, $e: String!) {
          createConsultancy(name: $n, ownerEmail: $e, ownerName: "Owner") { consultancy { id } }
        }`,
        { n: `Matrix ${w.unique()}`, e: `owner-${w.unique()}@example.test` },
      ),
  },
  {
    name: 'members',
    action: 'members:read',
    run: (w, t) => gql(w.api, t, '{ members { totalCount } }'),
  },
  {
    name: 'linkAgentIdentity',
    action: 'agents:link',
    run: (w, t) => gql(w.api, t, LINK, linkInput(w, storeId(w.a, 0))),
    scoped: async (w, t, role) => {
      const y = await gql(w.api, t, LINK, linkInput(w, storeId(w.a, 1)));
      // Owners see store Y, where the agent is not assigned; managers do not see Y at all.
      expect(errorCodes(y)).toEqual([
        role === 'consultancy_owner' ? 'BAD_USER_INPUT' : 'NOT_FOUND',
      ]);
      const foreign = await gql(w.api, t, LINK, linkInput(w, storeId(w.b, 0)));
      expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    },
  },
  {
    name: 'unlinkAgentIdentity',
    action: 'agents:link',
    run: (w, t) =>
      gql(w.api, t, 'mutation($id: ID!) { unlinkAgentIdentity(id: $id) { id } }', {
        id: encodeId('AgentIdentity', '00000000-0000-4000-8000-000000000000'),
      }),
  },
  {
    name: 'changePassword',
    action: 'session:manage',
    // No password is set for these members, so an allowed caller gets BAD_USER_INPUT, not FORBIDDEN.
    run: (w, t) =>
      gql(w.api, t, 'mutation { changePassword(currentPassword: "x", newPassword: "y") }'),
  },
  ...EVIDENCE_OPERATIONS,
  ...REPORT_OPERATIONS,
  ...CONNECTOR_OPERATIONS,
  ...POLICY_OPERATIONS,
  ...LEAD_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
];

describe('role × operation matrix', () => {
  const world = {} as World;
  let ds: DataSource;
  const tokens = {} as Record<Role, string>;
  let n = 0;
  const roles: Role[] = [...MEMBERSHIP_ROLES, 'platform_admin'];

  beforeAll(async () => {
    // A bucket big enough for the whole matrix: the query-cost limit has its own test.
    world.api = await startApi({ GRAPHQL_COST_CAPACITY: '1000000' });
    world.unique = () => `${Date.now().toString(36)}-${n++}`;
    ds = await appDataSource();
    world.a = await newTenant(ds, { stores: 3 });
    world.b = await newTenant(ds, { stores: 3 });
    for (const role of MEMBERSHIP_ROLES) {
      const userId =
        role === 'consultancy_owner'
          ? world.a.ownerId
          : await newMember(ds, world.a.consultancyId, role, [world.a.storeIds[0]!]);
      if (role === 'dealer_agent') world.agentId = userId;
      tokens[role] = tokenFor(userId, world.a.consultancyId, world.api.tokens);
    }
    const owner = await ownerDataSource();
    const staff = await newPlatformAdmin(ds, owner);
    await owner.destroy();
    tokens.platform_admin = platformTokenFor(staff.userId, world.api.tokens);
  });

  afterAll(async () => {
    await world.api?.stop();
    await ds?.destroy();
  });

  const cases = roles.flatMap((role) =>
    OPERATIONS.map((op) => ({ role, op, allowed: roleAllows(role, op.action) })),
  );

  it.each(cases.map((c) => [c.role, c.op.name, c.allowed ? 'allowed' : 'FORBIDDEN', c] as const))(
    '%s → %s: %s',
    async (role, _name, _outcome, { op, allowed }) => {
      const res = await op.run(world, tokens[role]);
      if (allowed) {
        expect(errorCodes(res)).not.toContain('FORBIDDEN');
        expect(errorCodes(res)).not.toContain('INTERNAL_SERVER_ERROR');
        await op.scoped?.(world, tokens[role], role);
      } else {
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      }
    },
  );

  it('covers every operation of the schema', async () => {
    const res = await gql<{
      __schema: {
        queryType: { fields: { name: string }[] };
        mutationType: { fields: { name: string }[] };
      };
    }>(
      world.api,
      null,
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
    );
    const all = [
      ...res.data!.__schema.queryType.fields,
      ...res.data!.__schema.mutationType.fields,
    ].map((f) => f.name);
    const publicOps = new Set([
      'signIn',
      'refreshSession',
      'signOut',
      'acceptInvitation',
      'requestPasswordReset',
      'resetPassword',
    ]);
    const covered = new Set(OPERATIONS.map((o) => o.name));
    // A new query or mutation fails this until it gets a row in OPERATIONS above.
    expect(all.filter((name) => !publicOps.has(name) && !covered.has(name))).toEqual([]);
  });
});
