import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const LINK = `mutation($u: ID!, $s: ID!, $c: String!) {
  linkAgentIdentity(input: { userId: $u, storeId: $s, crmUserId: $c }) { id userId storeId crmUserId }
}`;
const UNLINK = 'mutation($id: ID!) { unlinkAgentIdentity(id: $id) { id crmUserId } }';
const MEMBERS = `{ members(first: 20) {
  totalCount nodes { id role storeIds agentIdentities { id storeId crmUserId } }
} }`;

interface Link {
  id: string;
  userId: string;
  storeId: string;
  crmUserId: string;
}
interface MemberNode {
  id: string;
  role: string;
  storeIds: string[];
  agentIdentities: { id: string; storeId: string; crmUserId: string }[];
}

describe("agents' own evidence user ids", () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let agent: string;
  let otherAgent: string;
  let owner: string;
  let manager: string;
  let ownerB: string;
  const store = (t: TestTenant, i: number) => encodeId('Store', t.storeIds[i]!);
  const user = (id: string) => encodeId('User', id);

  const link = (token: string, userId: string, storeId: string, crm: string) =>
    gql<{ linkAgentIdentity: Link }>(api, token, LINK, { u: user(userId), s: storeId, c: crm });
  const members = async (token: string) =>
    (await gql<{ members: { totalCount: number; nodes: MemberNode[] } }>(api, token, MEMBERS)).data!
      .members;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 2 });
    b = await newTenant(ds, { stores: 1 });
    agent = await newMember(ds, a.consultancyId, 'dealer_agent', a.storeIds);
    otherAgent = await newMember(ds, a.consultancyId, 'dealer_agent', [a.storeIds[0]!]);
    const managerId = await newMember(ds, a.consultancyId, 'dealer_manager', [a.storeIds[0]!]);
    owner = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    manager = tokenFor(managerId, a.consultancyId, api.tokens);
    ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('owners link an agent to CRM user ids per store, listed on the member', async () => {
    const first = await link(owner, agent, store(a, 0), ' u-17 ');
    expect(first.errors).toBeUndefined();
    expect(first.data!.linkAgentIdentity).toMatchObject({
      userId: user(agent),
      storeId: store(a, 0),
      crmUserId: 'u-17',
    });
    expect((await link(owner, agent, store(a, 1), 'dana')).errors).toBeUndefined();
    const listed = (await members(owner)).nodes.find((m) => m.id === user(agent))!;
    expect(listed.role).toBe('DEALER_AGENT');
    expect(listed.agentIdentities.map((l) => [l.storeId, l.crmUserId]).sort()).toEqual(
      [
        [store(a, 0), 'u-17'],
        [store(a, 1), 'dana'],
      ].sort(),
    );
  });

  it('managers link at their own store only; elsewhere the store is not found', async () => {
    const own = await link(manager, agent, store(a, 0), 'u-17b');
    expect(own.errors).toBeUndefined();
    expect(errorCodes(await link(manager, agent, store(a, 1), 'u-17c'))).toEqual(['NOT_FOUND']);
    // A manager sees their store's people, and of them only what concerns their store.
    const seen = (await members(manager)).nodes.find((m) => m.id === user(agent))!;
    expect(seen.storeIds).toEqual([store(a, 0)]);
    expect(seen.agentIdentities.map((l) => l.crmUserId).sort()).toEqual(['u-17', 'u-17b']);
  });

  it('linking again is a no-op, but one CRM id cannot belong to two people', async () => {
    const again = await link(owner, agent, store(a, 0), 'u-17');
    expect(errorCodes(again)).toEqual([]);
    const taken = await link(owner, otherAgent, store(a, 0), 'u-17');
    expect(errorCodes(taken)).toEqual(['CONFLICT']);
    expect(taken.errors![0]!.message).toContain('input.crmUserId');
  });

  it('says which field is wrong for non-agents, unassigned stores and blank ids', async () => {
    const notAgent = await link(owner, a.ownerId, store(a, 0), 'u-1');
    expect(notAgent.errors![0]).toMatchObject({
      message: 'input.userId: only dealer agents are linked',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const unassigned = await link(owner, otherAgent, store(a, 1), 'u-2');
    expect(unassigned.errors![0]!.message).toBe('input.userId: is not assigned to this store');
    const blank = await link(owner, agent, store(a, 0), '   ');
    expect(blank.errors![0]!.message).toBe('input.crmUserId: must be 1 to 200 characters');
  });

  it("keeps tenant B out of tenant A's agents and links", async () => {
    // A's store, or A's agent at B's own store: neither exists for B.
    expect(errorCodes(await link(ownerB, agent, store(a, 0), 'x'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await link(ownerB, agent, store(b, 0), 'x'))).toEqual(['NOT_FOUND']);
    const aLink = (await members(owner)).nodes.find((m) => m.id === user(agent))!
      .agentIdentities[0]!;
    expect(errorCodes(await gql(api, ownerB, UNLINK, { id: aLink.id }))).toEqual(['NOT_FOUND']);
    const bMembers = await members(ownerB);
    expect(bMembers.nodes.map((m) => m.id)).toEqual([user(b.ownerId)]);
    expect(bMembers.totalCount).toBe(1);
  });

  it('unlinks (within the caller’s stores) and records one audit row per mutation', async () => {
    const listed = (await members(owner)).nodes.find((m) => m.id === user(agent))!;
    const dana = listed.agentIdentities.find((l) => l.crmUserId === 'dana')!;
    expect(errorCodes(await gql(api, manager, UNLINK, { id: dana.id }))).toEqual(['NOT_FOUND']);
    const removed = await gql(api, owner, UNLINK, { id: dana.id });
    expect(removed.data).toEqual({ unlinkAgentIdentity: { id: dana.id, crmUserId: 'dana' } });
    const after = (await members(owner)).nodes.find((m) => m.id === user(agent))!;
    expect(after.agentIdentities.map((l) => l.crmUserId)).not.toContain('dana');

    const trail = await gql<{ auditEvents: { nodes: { action: string; after: string | null }[] } }>(
      api,
      owner,
      '{ auditEvents(first: 20) { nodes { action after } } }',
    );
    const actions = trail.data!.auditEvents.nodes.map((e) => e.action).reverse();
    // Three links, the no-op repeat (the generic row, as nothing changed), one unlink.
    expect(actions).toEqual([
      'agent_identity.linked',
      'agent_identity.linked',
      'agent_identity.linked',
      'mutation.linkAgentIdentity',
      'agent_identity.unlinked',
    ]);
    const firstLink = trail.data!.auditEvents.nodes.at(-1)!;
    expect(JSON.parse(firstLink.after!)).toMatchObject({ crmUserId: 'u-17' });
  });
});
