import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import {
  type CandorClient,
  CreateStoreDocument,
  StoreCountDocument,
  StoreDocument,
  StoresDocument,
  type StoresQueryVariables,
  UpdateStoreDocument,
  ViewerDocument,
} from '@candor/sdk';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { apiError, type RunningApi, sdkClient, startApi } from '../support/api-process';

const WEEK = {
  mon: { opens: '08:30', closes: '19:00' },
  tue: { opens: '08:30', closes: '19:00' },
  wed: { opens: '08:30', closes: '19:00' },
  thu: { opens: '08:30', closes: '19:00' },
  fri: { opens: '08:30', closes: '19:00' },
  sat: { opens: '09:00', closes: '17:00' },
  sun: null,
};

describe('stores', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let owner: CandorClient;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 0 });
    owner = sdkClient(api, tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens));
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('lets an owner create a store, normalizing what was entered', async () => {
    const { createStore } = await owner.request(CreateStoreDocument, {
      input: {
        externalId: 'smith-toyota',
        name: 'Smith Toyota',
        names: ['Smith Toyota', 'Smith'],
        timeZone: 'America/Chicago',
        emailDomains: ['SmithToyota.com'],
        phoneNumbers: ['(312) 555-0100', '+1 312 555 0101'],
        businessHours: WEEK,
      },
    });
    expect(createStore).toMatchObject({
      externalId: 'smith-toyota',
      names: ['Smith Toyota', 'Smith'],
      emailDomains: ['smithtoyota.com'],
      phoneNumbers: ['+13125550100', '+13125550101'],
      businessHours: { mon: { opens: '08:30', closes: '19:00' }, sun: null },
    });
  });

  it('rejects invalid settings with one precise message per field', async () => {
    const error = await apiError(
      owner.request(CreateStoreDocument, {
        input: {
          externalId: 'lakeside honda',
          name: 'Lakeside Honda',
          timeZone: 'EST',
          businessHours: { ...WEEK, sat: { opens: '17:00', closes: '09:00' } },
        },
      }),
    );
    expect(error.codes).toEqual(['BAD_USER_INPUT']);
    const fields = error.errors[0]?.extensions?.['fields'] as { field: string }[];
    expect(fields.map((f) => f.field)).toEqual([
      'input.externalId',
      'input.timeZone',
      'input.businessHours.sat',
    ]);
    expect(error.errors[0]?.message).toContain(
      'input.businessHours.sat: opens at 17:00 but closes at 09:00',
    );
  });

  it('refuses a second store with the same externalId as a CONFLICT', async () => {
    const error = await apiError(
      owner.request(CreateStoreDocument, {
        input: { externalId: 'smith-toyota', name: 'Other', timeZone: 'America/Chicago' },
      }),
    );
    expect(error.codes).toEqual(['CONFLICT']);
    expect(error.errors[0]?.message).toBe(
      'input.externalId: a store with externalId "smith-toyota" already exists',
    );
  });

  it('updates only the fields given', async () => {
    const { createStore } = await owner.request(CreateStoreDocument, {
      input: { externalId: 'desert-ford', name: 'Desert Ford', timeZone: 'America/Phoenix' },
    });
    const { updateStore } = await owner.request(UpdateStoreDocument, {
      id: createStore.id,
      input: {
        name: 'Desert Ford Lincoln',
        businessHours: { ...WEEK, sun: { opens: '11:00', closes: '17:00' } },
      },
    });
    expect(updateStore).toMatchObject({
      id: createStore.id,
      externalId: 'desert-ford',
      name: 'Desert Ford Lincoln',
      timeZone: 'America/Phoenix',
      names: createStore.names,
    });
    expect(updateStore.businessHours).toEqual({
      ...WEEK,
      sun: { opens: '11:00', closes: '17:00' },
    });
  });

  it('says which day is missing when business hours leave one out', async () => {
    const { createStore } = await owner.request(CreateStoreDocument, {
      input: { externalId: 'north-kia', name: 'North Kia', timeZone: 'America/Denver' },
    });
    const { tue: _tue, ...noTuesday } = WEEK;
    const error = await apiError(
      owner.request(UpdateStoreDocument, {
        id: createStore.id,
        input: { businessHours: noTuesday },
      }),
    );
    expect(error.errors[0]?.extensions?.['fields']).toEqual([
      { field: 'input.businessHours.tue', message: 'is missing (use null for a closed day)' },
    ]);
  });
});

describe('who sees and changes which store', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 3 });
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('shows a consultant only the stores assigned to them', async () => {
    const consultant = await newMember(ds, tenant.consultancyId, 'consultant', [
      tenant.storeIds[1]!,
    ]);
    const client = sdkClient(api, tokenFor(consultant, tenant.consultancyId, api.tokens));
    expect((await client.request(StoreCountDocument)).stores.totalCount).toBe(1);
    const other = await apiError(
      client.request(StoreDocument, { id: encodeId('Store', tenant.storeIds[0]!) }),
    );
    expect(other.codes).toEqual(['NOT_FOUND']);
    const { viewer } = await client.request(ViewerDocument);
    expect(viewer).toMatchObject({ role: 'CONSULTANT', seesAllStores: false });
  });

  it.each(['consultant', 'dealer_manager', 'dealer_agent'] as const)(
    'refuses store changes to a %s with FORBIDDEN',
    async (role) => {
      const member = await newMember(ds, tenant.consultancyId, role, tenant.storeIds);
      const client = sdkClient(api, tokenFor(member, tenant.consultancyId, api.tokens));
      const create = await apiError(
        client.request(CreateStoreDocument, {
          input: { externalId: `x-${role}`, name: 'X', timeZone: 'UTC' },
        }),
      );
      expect(create.codes).toEqual(['FORBIDDEN']);
      const update = await apiError(
        client.request(UpdateStoreDocument, {
          id: encodeId('Store', tenant.storeIds[0]!),
          input: { name: 'Renamed' },
        }),
      );
      expect(update.codes).toEqual(['FORBIDDEN']);
    },
  );
});

describe('store pagination', () => {
  let api: RunningApi;
  let ds: DataSource;
  let client: CandorClient;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    const tenant = await newTenant(ds, { stores: 5 });
    client = sdkClient(api, tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens));
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('pages forward and backward with opaque cursors and a stable total', async () => {
    const first = await client.request(StoresDocument, { first: 2 });
    const second = await client.request(StoresDocument, {
      first: 2,
      after: first.stores.pageInfo.endCursor,
    });
    const third = await client.request(StoresDocument, {
      first: 2,
      after: second.stores.pageInfo.endCursor,
    });
    const names = [first, second, third].flatMap((p) => p.stores.edges.map((e) => e.node.name));
    expect(names).toHaveLength(5);
    expect([...names].sort()).toEqual(names);
    expect(third.stores).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    expect(first.stores.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });

    const back = await client.request(StoresDocument, {
      last: 2,
      before: third.stores.pageInfo.startCursor,
    });
    expect(back.stores.edges.map((e) => e.node.name)).toEqual(names.slice(2, 4));
  });

  it('rejects page sizes out of range and made-up cursors', async () => {
    const codes = async (variables: StoresQueryVariables) =>
      (await apiError(client.request(StoresDocument, variables))).codes;
    expect(await codes({ first: 0 })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ first: 101 })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ after: 'not-a-cursor' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes({ first: 1, last: 1 })).toEqual(['BAD_USER_INPUT']);
  });
});
