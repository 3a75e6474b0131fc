import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '@candor/evidence-data-access';
import { TENANT_CHANGE_CHANNEL, runInTenant } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import {
  ApiKeysDocument,
  CreateApiKeyDocument,
  StoreCountDocument,
  StoreDocument,
} from '@candor/sdk';
import {
  addStore,
  DEALER_HOURS,
  newMember,
  newTenant,
  type TestTenant,
  tokenFor,
} from '@candor/tenancy-testing';
import { apiError, gql, type RunningApi, sdkClient, startApi } from '../support/api-process';

/**
 * The API keeps callers' grants in memory (TenantCache) and drops a consultancy's grants when
 * the database announces an access change (NOTIFY from the triggers of migration 1763900001000).
 * Each case warms the cache with an allowed request, changes the access the way an operator or
 * another API process would (SQL through the app role), waits for the announcement, and expects
 * the request to be refused as soon as the API process has heard it too (its LISTEN connection
 * is not ours, so it may hear it a moment later): within REFUSED_WITHIN_MS, well inside the
 * 10 s TTL backstop that would otherwise still allow it.
 */
const REFUSED_WITHIN_MS = 4_000;

/** Repeats `call` until it fails with GraphQL errors (at most REFUSED_WITHIN_MS), and returns them. */
async function refused(call: () => Promise<unknown>) {
  const until = Date.now() + REFUSED_WITHIN_MS;
  for (;;) {
    try {
      return await apiError(call());
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

describe('revoked access takes effect as soon as the API hears of it', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let listener: Client;

  const tokenOf = (userId: string) => tokenFor(userId, tenant.consultancyId, api.tokens);
  const as = (userId: string) => sdkClient(api, tokenOf(userId));
  const storeId = (i: number) => encodeId('Store', tenant.storeIds[i]!);

  /** Runs `sql` in the tenant and resolves once its change was announced on commit. */
  async function change(sql: string, params: unknown[]): Promise<void> {
    const heard = new Promise<void>((resolve) => {
      const hear = (n: { channel: string; payload?: string }) => {
        if (n.channel !== TENANT_CHANGE_CHANNEL || n.payload !== tenant.consultancyId) return;
        listener.off('notification', hear);
        resolve();
      };
      listener.on('notification', hear);
    });
    await runInTenant(ds, tenant, (tx) => tx.query(sql, params));
    await heard;
  }

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' });
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 2 });
    listener = new Client({ connectionString: testDatabase().appUrl });
    await listener.connect();
    await listener.query(`LISTEN ${TENANT_CHANGE_CHANNEL}`);
  });

  afterAll(async () => {
    await listener?.end();
    await api?.stop();
    await ds?.destroy();
  });

  it('refuses a member whose membership was removed', async () => {
    const userId = await newMember(ds, tenant.consultancyId, 'consultant', [tenant.storeIds[0]!]);
    const member = as(userId);
    expect((await member.request(StoreCountDocument)).stores.totalCount).toBe(1);
    await change('DELETE FROM membership WHERE user_id = $1', [userId]);
    expect((await refused(() => member.request(StoreCountDocument))).codes).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('applies a role change: an owner demoted to consultant loses owner-only reads', async () => {
    const userId = await newMember(ds, tenant.consultancyId, 'consultancy_owner');
    const member = as(userId);
    expect((await member.request(ApiKeysDocument)).apiKeys).toBeInstanceOf(Array);
    await change(`UPDATE membership SET role = 'consultant' WHERE user_id = $1`, [userId]);
    expect((await refused(() => member.request(ApiKeysDocument))).codes).toEqual(['FORBIDDEN']);
  });

  it('hides a store once its assignment is removed', async () => {
    const userId = await newMember(ds, tenant.consultancyId, 'dealer_manager', [
      tenant.storeIds[0]!,
      tenant.storeIds[1]!,
    ]);
    const member = as(userId);
    expect((await member.request(StoreDocument, { id: storeId(1) })).store.id).toBe(storeId(1));
    await change('DELETE FROM membership_store WHERE user_id = $1 AND store_id = $2', [
      userId,
      tenant.storeIds[1],
    ]);
    expect((await refused(() => member.request(StoreDocument, { id: storeId(1) }))).codes).toEqual([
      'NOT_FOUND',
    ]);
    expect((await member.request(StoreCountDocument)).stores.totalCount).toBe(1);
  });

  it('refuses an API key once revoked, and once its creator lost the membership', async () => {
    const ownerId = await newMember(ds, tenant.consultancyId, 'consultancy_owner');
    const owner = as(ownerId);
    const create = async (name: string) =>
      (await owner.request(CreateApiKeyDocument, { input: { name, scopes: ['stores:read'] } }))
        .createApiKey;
    const revoked = await create('revoked');
    const orphaned = await create('orphaned');
    const revokedKey = sdkClient(api, revoked.secret);
    const orphanedKey = sdkClient(api, orphaned.secret);
    expect((await revokedKey.request(StoreCountDocument)).stores.totalCount).toBe(2);
    expect((await orphanedKey.request(StoreCountDocument)).stores.totalCount).toBe(2);

    await change('UPDATE api_key SET revoked_at = now() WHERE prefix = $1', [
      revoked.apiKey.prefix,
    ]);
    expect((await refused(() => revokedKey.request(StoreCountDocument))).codes).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect((await orphanedKey.request(StoreCountDocument)).stores.totalCount).toBe(2);

    await change('DELETE FROM membership WHERE user_id = $1', [ownerId]);
    expect((await refused(() => orphanedKey.request(StoreCountDocument))).codes).toEqual([
      'UNAUTHENTICATED',
    ]);
  });
});

const FIXTURE = join(__dirname, '..', 'fixtures', 'hand-written.jsonl');
const WEEK = { granularity: 'WEEK', date: '2026-03-02' };
const SCORECARD = `query($s: ID!, $p: PeriodInput) {
  storeScorecard(storeId: $s, period: $p) {
    computedAt stale policyVersion
    agents(first: 10) { nodes { userId } }
  } }`;

interface Card {
  computedAt: string;
  stale: boolean;
  policyVersion: string;
  agents: { nodes: { userId: string }[] };
}

/**
 * The API also keeps assembled scorecards in memory; a change of what they show (a regrade, a
 * policy version, an agent's links) must show on the next read, and one viewer's cached view
 * never answers another whose access differs.
 */
describe('a cached scorecard follows the changes behind it', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let store: string;
  let owner: string;

  const card = async (token: string) => {
    const res = await gql<{ storeScorecard: Card }>(api, token, SCORECARD, {
      s: encodeId('Store', store),
      p: WEEK,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.storeScorecard;
  };
  const mutate = async (query: string, variables: Record<string, unknown>) => {
    const res = await gql(api, owner, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production', GRAPHQL_COST_RESTORE_PER_SECOND: '100000' });
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 0 });
    store = await addStore(ds, tenant, {
      externalId: 'smith-toyota',
      name: 'Smith Toyota',
      businessHours: DEALER_HOURS,
    });
    await importBundle(ds, tenant, { store, input: { kind: 'file', path: FIXTURE } });
    owner = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('shows a regrade and a new policy version on the next read', async () => {
    const first = await card(owner);
    expect(await card(owner)).toEqual(first);
    await mutate(
      `mutation($s: ID!, $p: PeriodInput) { regradeStore(storeId: $s, period: $p) { graded } }`,
      {
        s: encodeId('Store', store),
        p: WEEK,
      },
    );
    const regraded = await card(owner);
    expect(new Date(regraded.computedAt).getTime()).toBeGreaterThan(
      new Date(first.computedAt).getTime(),
    );
    await mutate(`mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { version } }`, {
      i: {
        storeId: encodeId('Store', store),
        overrides: { grading: { 'response.trueMedianMin': { floor: 60, target: 10 } } },
      },
    });
    expect(regraded.stale).toBe(false);
    const after = await card(owner);
    // The report is graded with the old policy until the worker grades it again: it says so.
    expect(after.stale).toBe(true);
  });

  it('gives a dealer agent only their own work, and none once the link is removed', async () => {
    const agentId = await newMember(ds, tenant.consultancyId, 'dealer_agent', [store]);
    const agent = tokenFor(agentId, tenant.consultancyId, api.tokens);
    expect((await card(owner)).agents.nodes.length).toBeGreaterThan(1);
    const linked = (await mutate(
      `mutation($u: ID!, $s: ID!) {
        linkAgentIdentity(input: { userId: $u, storeId: $s, crmUserId: "u-sam" }) { id } }`,
      { u: encodeId('User', agentId), s: encodeId('Store', store) },
    )) as { linkAgentIdentity: { id: string } };
    expect((await card(agent)).agents.nodes.map((n) => n.userId)).toEqual(['u-sam']);
    await mutate(`mutation($id: ID!) { unlinkAgentIdentity(id: $id) { id } }`, {
      id: linked.linkAgentIdentity.id,
    });
    expect((await card(agent)).agents.nodes).toEqual([]);
    expect((await card(owner)).agents.nodes.length).toBeGreaterThan(1);
  });
});
