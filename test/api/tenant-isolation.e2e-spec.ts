import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const STORES = `query Stores($first: Int) { stores(first: $first) { totalCount nodes { id externalId } } }`;
const STORE = `query Store($id: ID!) { store(id: $id) { id externalId } }`;
const UPDATE = `mutation Update($id: ID!) { updateStore(id: $id, input: { name: "Hijacked" }) { id name } }`;
const DELETE = `mutation Delete($id: ID!) { deleteStore(id: $id) { deletedId } }`;

describe('tenant isolation through GraphQL', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    // A pool of 5 connections, so concurrent requests must share (and reuse) connections.
    // A bucket big enough for the burst: the query-cost limit has its own test.
    api = await startApi({ DATABASE_POOL_SIZE: '5', GRAPHQL_COST_CAPACITY: '1000000' });
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 3 });
    b = await newTenant(ds, { stores: 2 });
    tokenA = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    tokenB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it("lists only the caller's own stores", async () => {
    const res = await gql<{ stores: { totalCount: number; nodes: { externalId: string }[] } }>(
      api,
      tokenA,
      STORES,
      { first: 100 },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.stores.totalCount).toBe(3);
    expect(res.data?.stores.nodes.map((n) => n.externalId).sort()).toEqual(
      [...a.storeExternalIds].sort(),
    );
  });

  it("answers NOT_FOUND (not FORBIDDEN) for another consultancy's store, so existence does not leak", async () => {
    const bStore = encodeId('Store', b.storeIds[0]!);
    const read = await gql(api, tokenA, STORE, { id: bStore });
    expect(errorCodes(read)).toEqual(['NOT_FOUND']);

    // The same answer as for an id that exists nowhere.
    const nowhere = await gql(api, tokenA, STORE, { id: encodeId('Store', crypto.randomUUID()) });
    expect(nowhere.errors?.[0]?.message).toBe(read.errors?.[0]?.message);
  });

  it("cannot update or delete another consultancy's store", async () => {
    const bStore = encodeId('Store', b.storeIds[0]!);
    expect(errorCodes(await gql(api, tokenA, UPDATE, { id: bStore }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(api, tokenA, DELETE, { id: bStore }))).toEqual(['NOT_FOUND']);

    // B's store is untouched.
    const stillThere = await gql<{ store: { externalId: string } }>(api, tokenB, STORE, {
      id: bStore,
    });
    expect(stillThere.data?.store.externalId).toBe(b.storeExternalIds[0]);
  });

  it('never shows one tenant the other under 40 interleaved requests on a pool of 5', async () => {
    const calls = Array.from({ length: 40 }, (_, i) => {
      const tenant = i % 2 === 0 ? a : b;
      const token = i % 2 === 0 ? tokenA : tokenB;
      return gql<{ stores: { totalCount: number; nodes: { externalId: string }[] } }>(
        api,
        token,
        STORES,
        { first: 100 },
      ).then((res) => ({ tenant, res }));
    });
    const results = await Promise.all(calls);
    for (const { tenant, res } of results) {
      expect(res.errors).toBeUndefined();
      expect(res.data?.stores.nodes.map((n) => n.externalId).sort()).toEqual(
        [...tenant.storeExternalIds].sort(),
      );
    }
  });

  it('rejects a token for a consultancy the user does not belong to', async () => {
    const forged = tokenFor(a.ownerId, b.consultancyId, api.tokens);
    expect(errorCodes(await gql(api, forged, STORES))).toEqual(['UNAUTHENTICATED']);
  });

  it('rejects a token signed with another secret', async () => {
    const forged = tokenFor(a.ownerId, a.consultancyId, {
      secret: 'x'.repeat(40),
      issuer: 'candor',
    });
    const res = await gql(api, forged, STORES);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data).toBeNull();
  });
});
