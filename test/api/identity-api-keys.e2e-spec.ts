import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import {
  ApiKeysDocument,
  AuditEventsDocument,
  type CandorClient,
  CreateApiKeyDocument,
  type CreateApiKeyInput,
  CreateStoreDocument,
  RevokeApiKeyDocument,
  StoreCountDocument,
  StoreDocument,
} from '@candor/sdk';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { apiError, type RunningApi, sdkClient, startApi } from '../support/api-process';

describe('API keys', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let other: TestTenant;
  let owner: CandorClient;
  const as = (secret: string) => sdkClient(api, secret);

  const createKey = async (input: CreateApiKeyInput) =>
    (await owner.request(CreateApiKeyDocument, { input })).createApiKey;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 2 });
    other = await newTenant(ds, { stores: 1 });
    owner = sdkClient(api, tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens));
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
    const listed = await owner.request(ApiKeysDocument);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed.apiKeys).toContainEqual(
      expect.objectContaining({ prefix: created.apiKey.prefix, scopes: ['scorecards:read'] }),
    );
  });

  it('lets a scorecards:read key read nothing else and write nothing', async () => {
    const key = as((await createKey({ name: 'read only', scopes: ['scorecards:read'] })).secret);
    expect((await apiError(key.request(StoreCountDocument))).codes).toEqual(['FORBIDDEN']);
    const write = await apiError(
      key.request(CreateStoreDocument, {
        input: { externalId: 'by-key', name: 'By Key', timeZone: 'UTC' },
      }),
    );
    expect(write.codes).toEqual(['FORBIDDEN']);
    expect((await apiError(key.request(ApiKeysDocument))).codes).toEqual(['FORBIDDEN']);
  });

  it('restricts a key to its stores: another store of the same consultancy is NOT_FOUND', async () => {
    const { secret } = await createKey({
      name: 'store X',
      scopes: ['stores:read'],
      storeIds: [encodeId('Store', tenant.storeIds[0]!)],
    });
    const key = as(secret);
    expect((await key.request(StoreCountDocument)).stores.totalCount).toBe(1);
    const { store } = await key.request(StoreDocument, {
      id: encodeId('Store', tenant.storeIds[0]!),
    });
    expect(store.id).toBe(encodeId('Store', tenant.storeIds[0]!));
    const sibling = await apiError(
      key.request(StoreDocument, { id: encodeId('Store', tenant.storeIds[1]!) }),
    );
    expect(sibling.codes).toEqual(['NOT_FOUND']);
    const foreign = await apiError(
      key.request(StoreDocument, { id: encodeId('Store', other.storeIds[0]!) }),
    );
    expect(foreign.codes).toEqual(['NOT_FOUND']);
  });

  it('refuses another tenant’s store in a restriction, unknown scopes and forged keys', async () => {
    const foreign = await apiError(
      owner.request(CreateApiKeyDocument, {
        input: {
          name: 'x',
          scopes: ['stores:read'],
          storeIds: [encodeId('Store', other.storeIds[0]!)],
        },
      }),
    );
    expect(foreign.codes).toEqual(['BAD_USER_INPUT']);
    const scope = await apiError(
      owner.request(CreateApiKeyDocument, { input: { name: 'x', scopes: ['everything:write'] } }),
    );
    expect(scope.codes).toEqual(['BAD_USER_INPUT']);
    const { secret } = await createKey({ name: 'real', scopes: ['stores:read'] });
    const forged = as(`${secret.slice(0, -4)}AAAA`);
    expect((await apiError(forged.request(StoreCountDocument))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('stops working once revoked, records last use, and audits both', async () => {
    const created = await createKey({ name: 'to revoke', scopes: ['stores:read'] });
    const key = as(created.secret);
    await key.request(StoreCountDocument);
    const listed = await owner.request(ApiKeysDocument);
    expect(listed.apiKeys.find((k) => k.id === created.apiKey.id)?.lastUsedAt).toBeTruthy();
    const { revokeApiKey } = await owner.request(RevokeApiKeyDocument, { id: created.apiKey.id });
    expect(revokeApiKey.revokedAt).toBeTruthy();
    expect((await apiError(key.request(StoreCountDocument))).codes).toEqual(['UNAUTHENTICATED']);
    const audit = await owner.request(AuditEventsDocument, {
      first: 100,
      filter: { entityType: 'api_key' },
    });
    const actions = audit.auditEvents.nodes.map((n) => n.action);
    expect(actions).toContain('apikey.created');
    expect(actions).toContain('apikey.revoked');
  });

  it('cannot revoke another consultancy’s key', async () => {
    const created = await createKey({ name: 'mine', scopes: ['stores:read'] });
    const otherOwner = sdkClient(api, tokenFor(other.ownerId, other.consultancyId, api.tokens));
    const res = await apiError(otherOwner.request(RevokeApiKeyDocument, { id: created.apiKey.id }));
    expect(res.codes).toEqual(['NOT_FOUND']);
    expect((await as(created.secret).request(StoreCountDocument)).stores.totalCount).toBe(2);
  });
});
