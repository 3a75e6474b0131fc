import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import {
  CandorApiError,
  createCandorClient,
  type StoreQueryVariables,
  StoreDocument,
  ViewerDocument,
} from '@candor/sdk';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { apiError, type RunningApi, sdkClient, startApi } from '../support/api-process';

describe('the typed SDK client against the real API', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let other: TestTenant;
  let owner: string;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 1 });
    other = await newTenant(ds, { stores: 1 });
    owner = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('returns the typed data of an operation without variables', async () => {
    const { viewer } = await sdkClient(api, owner).request(ViewerDocument);
    expect(viewer.role).toBe('CONSULTANCY_OWNER');
    expect(viewer.consultancy.id).toBe(encodeId('Consultancy', tenant.consultancyId));
    expect(viewer.memberships).toEqual([
      { active: true, role: 'CONSULTANCY_OWNER', consultancy: viewer.consultancy },
    ]);
  });

  it('sends the variables and returns what they select', async () => {
    const id = encodeId('Store', tenant.storeIds[0]!);
    const { store } = await sdkClient(api, owner).request(StoreDocument, { id });
    expect(store).toMatchObject({
      id,
      externalId: tenant.storeExternalIds[0],
      timeZone: 'America/Chicago',
      businessHours: { mon: { opens: '09:00', closes: '20:00' }, sun: null },
    });
  });

  it('throws a CandorApiError carrying each error’s extensions.code', async () => {
    const error = await apiError(
      sdkClient(api, owner).request(StoreDocument, { id: encodeId('Store', other.storeIds[0]!) }),
    );
    expect(error).toBeInstanceOf(CandorApiError);
    expect(error.codes).toEqual(['NOT_FOUND']);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/^NOT_FOUND: /);
    expect(error.status).toBe(200);
    expect(error.errors[0]?.path).toEqual(['store']);
  });

  it('sends no credentials once the token is dropped', async () => {
    const anonymous = sdkClient(api, owner).withToken(undefined);
    expect((await apiError(anonymous.request(ViewerDocument))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('reports variables the API refuses with the HTTP status and code', async () => {
    const error = await apiError(
      sdkClient(api, owner).request(StoreDocument, {} as StoreQueryVariables),
    );
    expect(error.status).toBe(400);
    expect(error.codes).toEqual(['BAD_USER_INPUT']);
    expect(error.message).toContain('$id');
  });

  it('execute returns errors, the query cost and the rate-limit headers without throwing', async () => {
    const res = await sdkClient(api, owner).execute(StoreDocument, {
      id: encodeId('Store', other.storeIds[0]!),
    });
    expect(res.data).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(res.extensions?.cost?.requestedQueryCost).toBeGreaterThan(0);
    expect(res.extensions?.cost?.throttleStatus.maximumAvailable).toBe(1000);
    expect(Number(res.headers.get('ratelimit-limit'))).toBe(1000);
  });

  it('refuses an answer that is not GraphQL, with its status', async () => {
    const wrong = createCandorClient({ url: `${api.url}/no-such-endpoint`, token: owner });
    const error = await apiError(wrong.request(ViewerDocument));
    expect(error.status).toBe(404);
    expect(error.errors).toEqual([]);
    expect(error.message).toContain('is not a GraphQL response');
  });

  it('uses the fetch it is given, naming the operation', async () => {
    const sent: { authorization: string | null; operationName: unknown }[] = [];
    const client = createCandorClient({
      url: `${api.url}/graphql`,
      token: owner,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        const body = JSON.parse(String(init?.body)) as { operationName: unknown };
        sent.push({
          authorization: headers.get('authorization'),
          operationName: body.operationName,
        });
        return fetch(input, init);
      },
    });
    await client.request(ViewerDocument);
    expect(sent).toEqual([{ authorization: `Bearer ${owner}`, operationName: 'Viewer' }]);
  });
});
