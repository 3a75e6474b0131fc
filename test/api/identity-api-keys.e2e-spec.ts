import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id prefix scopes storeIds lastUsedAt } }
}`;
const STORE = 'query($id: ID!) { store(id: $id) { id } }';
const CREATE_STORE = `mutation($input: CreateStoreInput!) { createStore(input: $input) { id } }`;

interface Created {
  createApiKey: {
    secret: string;
    apiKey: { id: string; prefix: string; scopes: string[]; storeIds: string[] | null };
  };
}

describe('API keys', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let other: TestTenant;
  let owner: string;

  const createKey = async (input: Record<string, unknown>) => {
    const res = await gql<Created>(api, owner, CREATE_KEY, { input });
    expect(res.errors).toBeUndefined();
    return res.data!.createApiKey;
  };

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 2 });
    other = await newTenant(ds, { stores: 1 });
    owner = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('shows the secret once, with a visible prefix, and stores only a hash', async () => {
    const created = await createKey({ name: 'BI tool', scopes: ['scorecards:read'] });
    expect(created.secret).toMatch(new RegExp(`^ck_${created.apiKey.prefix}_`));
    const [stored] = await runInTenant(ds, tenant, (tx) =>
      tx.query<{ secret_hash: Buffer }>('SELECT secret_hash FROM api_key WHERE prefix = $1', [
        created.apiKey.prefix,
      ]),
    );
    expect(stored!.secret_hash.equals(createHash('sha256').update(created.secret).digest())).toBe(
      true,
    );
    const listed = await gql<{ apiKeys: Record<string, unknown>[] }>(
      api,
      owner,
      '{ apiKeys { prefix scopes } }',
    );
    expect(JSON.stringify(listed.data)).not.toContain(created.secret);
    expect(listed.data?.apiKeys).toContainEqual({
      prefix: created.apiKey.prefix,
      scopes: ['scorecards:read'],
    });
  });

  it('lets a scorecards:read key read nothing else and write nothing', async () => {
    const { secret } = await createKey({ name: 'read only', scopes: ['scorecards:read'] });
    expect(errorCodes(await gql(api, secret, '{ stores { totalCount } }'))).toEqual(['FORBIDDEN']);
    const write = await gql(api, secret, CREATE_STORE, {
      input: { externalId: 'by-key', name: 'By Key', timeZone: 'UTC' },
    });
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(api, secret, '{ apiKeys { id } }'))).toEqual(['FORBIDDEN']);
  });

  it('restricts a key to its stores: another store of the same consultancy is NOT_FOUND', async () => {
    const { secret } = await createKey({
      name: 'store X',
      scopes: ['stores:read'],
      storeIds: [encodeId('Store', tenant.storeIds[0]!)],
    });
    const list = await gql<{ stores: { totalCount: number } }>(
      api,
      secret,
      '{ stores { totalCount } }',
    );
    expect(list.data?.stores.totalCount).toBe(1);
    expect(
      (await gql(api, secret, STORE, { id: encodeId('Store', tenant.storeIds[0]!) })).errors,
    ).toBeUndefined();
    expect(
      errorCodes(await gql(api, secret, STORE, { id: encodeId('Store', tenant.storeIds[1]!) })),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await gql(api, secret, STORE, { id: encodeId('Store', other.storeIds[0]!) })),
    ).toEqual(['NOT_FOUND']);
  });

  it('refuses another tenant’s store in a restriction, unknown scopes and forged keys', async () => {
    const foreign = await gql(api, owner, CREATE_KEY, {
      input: {
        name: 'x',
        scopes: ['stores:read'],
        storeIds: [encodeId('Store', other.storeIds[0]!)],
      },
    });
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    const scope = await gql(api, owner, CREATE_KEY, {
      input: { name: 'x', scopes: ['everything:write'] },
    });
    expect(errorCodes(scope)).toEqual(['BAD_USER_INPUT']);
    const { secret } = await createKey({ name: 'real', scopes: ['stores:read'] });
    const forged = `${secret.slice(0, -4)}AAAA`;
    expect(errorCodes(await gql(api, forged, '{ stores { totalCount } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('stops working once revoked, records last use, and audits both', async () => {
    const created = await createKey({ name: 'to revoke', scopes: ['stores:read'] });
    expect((await gql(api, created.secret, '{ stores { totalCount } }')).errors).toBeUndefined();
    const listed = await gql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(
      api,
      owner,
      '{ apiKeys { id lastUsedAt } }',
    );
    expect(listed.data?.apiKeys.find((k) => k.id === created.apiKey.id)?.lastUsedAt).toBeTruthy();
    const revoked = await gql(
      api,
      owner,
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      {
        id: created.apiKey.id,
      },
    );
    expect(revoked.errors).toBeUndefined();
    expect(errorCodes(await gql(api, created.secret, '{ stores { totalCount } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const audit = await gql<{ auditEvents: { nodes: { action: string }[] } }>(
      api,
      owner,
      '{ auditEvents(first: 100, filter: { entityType: "api_key" }) { nodes { action } } }',
    );
    const actions = audit.data!.auditEvents.nodes.map((n) => n.action);
    expect(actions).toContain('apikey.created');
    expect(actions).toContain('apikey.revoked');
  });

  it('cannot revoke another consultancy’s key', async () => {
    const created = await createKey({ name: 'mine', scopes: ['stores:read'] });
    const otherOwner = tokenFor(other.ownerId, other.consultancyId, api.tokens);
    const res = await gql(api, otherOwner, 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }', {
      id: created.apiKey.id,
    });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect((await gql(api, created.secret, '{ stores { totalCount } }')).errors).toBeUndefined();
  });
});
