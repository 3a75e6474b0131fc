import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const CREATE = `mutation Create($input: CreateStoreInput!) {
  createStore(input: $input) {
    id externalId name names timeZone emailDomains phoneNumbers
    businessHours { mon { opens closes } sat { opens closes } sun { opens closes } }
  }
}`;
const UPDATE = `mutation Update($id: ID!, $input: UpdateStoreInput!) {
  updateStore(id: $id, input: $input) { id name timeZone businessHours { sun { opens closes } } }
}`;
const PAGE = `query Page($first: Int, $after: String, $last: Int, $before: String) {
  stores(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { name } }
  }
}`;

interface Page {
  stores: {
    totalCount: number;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string;
      endCursor: string;
    };
    edges: { cursor: string; node: { name: string } }[];
  };
}

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
  let owner: string;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 0 });
    owner = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('lets an owner create a store, normalizing what was entered', async () => {
    const res = await gql<{ createStore: Record<string, unknown> }>(api, owner, CREATE, {
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
    expect(res.errors).toBeUndefined();
    expect(res.data?.createStore).toMatchObject({
      externalId: 'smith-toyota',
      names: ['Smith Toyota', 'Smith'],
      emailDomains: ['smithtoyota.com'],
      phoneNumbers: ['+13125550100', '+13125550101'],
      businessHours: { mon: { opens: '08:30', closes: '19:00' }, sun: null },
    });
  });

  it('rejects invalid settings with one precise message per field', async () => {
    const res = await gql(api, owner, CREATE, {
      input: {
        externalId: 'lakeside honda',
        name: 'Lakeside Honda',
        timeZone: 'EST',
        businessHours: { ...WEEK, sat: { opens: '17:00', closes: '09:00' } },
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = res.errors?.[0]?.extensions?.['fields'] as { field: string }[];
    expect(fields.map((f) => f.field)).toEqual([
      'input.externalId',
      'input.timeZone',
      'input.businessHours.sat',
    ]);
    expect(res.errors?.[0]?.message).toContain(
      'input.businessHours.sat: opens at 17:00 but closes at 09:00',
    );
  });

  it('refuses a second store with the same externalId as a CONFLICT', async () => {
    const res = await gql(api, owner, CREATE, {
      input: { externalId: 'smith-toyota', name: 'Other', timeZone: 'America/Chicago' },
    });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors?.[0]?.message).toBe(
      'input.externalId: a store with externalId "smith-toyota" already exists',
    );
  });

  it('updates only the fields given', async () => {
    const created = await gql<{ createStore: { id: string } }>(api, owner, CREATE, {
      input: { externalId: 'desert-ford', name: 'Desert Ford', timeZone: 'America/Phoenix' },
    });
    const id = created.data!.createStore.id;
    const res = await gql<{ updateStore: Record<string, unknown> }>(api, owner, UPDATE, {
      id,
      input: {
        name: 'Desert Ford Lincoln',
        businessHours: { ...WEEK, sun: { opens: '11:00', closes: '17:00' } },
      },
    });
    expect(res.data?.updateStore).toEqual({
      id,
      name: 'Desert Ford Lincoln',
      timeZone: 'America/Phoenix',
      businessHours: { sun: { opens: '11:00', closes: '17:00' } },
    });
  });

  it('says which day is missing when business hours leave one out', async () => {
    const created = await gql<{ createStore: { id: string } }>(api, owner, CREATE, {
      input: { externalId: 'north-kia', name: 'North Kia', timeZone: 'America/Denver' },
    });
    const { tue: _tue, ...noTuesday } = WEEK;
    const res = await gql(api, owner, UPDATE, {
      id: created.data!.createStore.id,
      input: { businessHours: noTuesday },
    });
    expect(res.errors?.[0]?.extensions?.['fields']).toEqual([
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
    const token = tokenFor(consultant, tenant.consultancyId, api.tokens);
    const res = await gql<Page>(api, token, PAGE, { first: 10 });
    expect(res.data?.stores.totalCount).toBe(1);
    const other = await gql(api, token, 'query($id: ID!) { store(id: $id) { id } }', {
      id: encodeId('Store', tenant.storeIds[0]!),
    });
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
    const viewer = await gql(api, token, '{ viewer { role seesAllStores } }');
    expect(viewer.data).toEqual({ viewer: { role: 'CONSULTANT', seesAllStores: false } });
  });

  it.each(['consultant', 'dealer_manager', 'dealer_agent'] as const)(
    'refuses store changes to a %s with FORBIDDEN',
    async (role) => {
      const member = await newMember(ds, tenant.consultancyId, role, tenant.storeIds);
      const token = tokenFor(member, tenant.consultancyId, api.tokens);
      const create = await gql(api, token, CREATE, {
        input: { externalId: `x-${role}`, name: 'X', timeZone: 'UTC' },
      });
      expect(errorCodes(create)).toEqual(['FORBIDDEN']);
      const update = await gql(api, token, UPDATE, {
        id: encodeId('Store', tenant.storeIds[0]!),
        input: { name: 'Renamed' },
      });
      expect(errorCodes(update)).toEqual(['FORBIDDEN']);
    },
  );
});

describe('store pagination', () => {
  let api: RunningApi;
  let ds: DataSource;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    const tenant = await newTenant(ds, { stores: 5 });
    token = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('pages forward and backward with opaque cursors and a stable total', async () => {
    const first = await gql<Page>(api, token, PAGE, { first: 2 });
    const second = await gql<Page>(api, token, PAGE, {
      first: 2,
      after: first.data!.stores.pageInfo.endCursor,
    });
    const third = await gql<Page>(api, token, PAGE, {
      first: 2,
      after: second.data!.stores.pageInfo.endCursor,
    });
    const names = [first, second, third].flatMap((p) =>
      p.data!.stores.edges.map((e) => e.node.name),
    );
    expect(names).toHaveLength(5);
    expect([...names].sort()).toEqual(names);
    expect(third.data!.stores).toMatchObject({
      totalCount: 5,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
    expect(first.data!.stores.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });

    const back = await gql<Page>(api, token, PAGE, {
      last: 2,
      before: third.data!.stores.pageInfo.startCursor,
    });
    expect(back.data!.stores.edges.map((e) => e.node.name)).toEqual(names.slice(2, 4));
  });

  it('rejects page sizes out of range and made-up cursors', async () => {
    expect(errorCodes(await gql(api, token, PAGE, { first: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(api, token, PAGE, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(api, token, PAGE, { after: 'not-a-cursor' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await gql(api, token, PAGE, { first: 1, last: 1 }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
