import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { type RunningApi, startApi } from '../support/api-process';

// 2 + 50 × (edges 1 + node 1) = 102 points.
const FIFTY_STORES = '{ stores(first: 50) { totalCount edges { node { id name } } } }';

describe('query cost limits and the per-consultancy bucket', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    // A small bucket that barely refills, so the test can empty it with two queries.
    api = await startApi({ GRAPHQL_COST_CAPACITY: '150', GRAPHQL_COST_RESTORE_PER_SECOND: '0.1' });
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 2 });
    b = await newTenant(ds, { stores: 2 });
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  const post = (tenant: TestTenant, query: string) =>
    request(api.url)
      .post('/graphql')
      .set('authorization', `Bearer ${tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens)}`)
      .send({ query });

  it('rejects a query costing more than the limit before running it, saying why', async () => {
    const res = await post(a, '{ stores(first: 100) { edges { node { id name } } } }');
    expect(res.status).toBe(400);
    const error = (res.body as { errors: { message: string; extensions: object }[] }).errors[0]!;
    expect(error.message).toBe(
      'Query cost 202 exceeds the limit of 150; ask for smaller pages (first/last) or fewer fields',
    );
    expect(error.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: { requestedQueryCost: 202 },
    });
  });

  it('marks every answer, data or error, as never to be stored, with no ETag', async () => {
    for (const res of [
      await post(b, '{ viewer { role } }').expect(200),
      await post(b, '{ stores(first: 100) { edges { node { id } } } }').expect(400),
    ]) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['etag']).toBeUndefined();
    }
  });

  it('measures the same query again when its variables ask for another page size', async () => {
    const query = 'query Page($n: Int) { stores(first: $n) { edges { node { id name } } } }';
    const send = (n: number) =>
      request(api.url)
        .post('/graphql')
        .set('authorization', `Bearer ${tokenFor(b.ownerId, b.consultancyId, api.tokens)}`)
        .send({ query, variables: { n } });
    const costOf = (res: request.Response) =>
      (res.body as { extensions: { cost: { requestedQueryCost: number } } }).extensions.cost
        .requestedQueryCost;
    expect(costOf(await send(2).expect(200))).toBe(6);
    const big = await send(100).expect(400);
    expect((big.body as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /^Query cost 202 exceeds the limit of 150/,
    );
    expect(costOf(await send(2).expect(200))).toBe(6);
  });

  it('rejects too many aliases', async () => {
    const fields = Array.from({ length: 31 }, (_, i) => `v${i}: viewer { role }`).join(' ');
    const res = await post(b, `{ ${fields} }`);
    expect(
      (res.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('QUERY_TOO_COMPLEX');
  });

  it('charges each query to its consultancy and refuses once the bucket is empty', async () => {
    const first = await post(a, FIFTY_STORES).expect(200);
    expect(first.body).toMatchObject({
      data: { stores: { totalCount: 2 } },
      extensions: {
        cost: {
          requestedQueryCost: 102,
          throttleStatus: { maximumAvailable: 150, currentlyAvailable: 48, restoreRate: 0.1 },
        },
      },
    });
    expect(first.headers['ratelimit-limit']).toBe('150');
    expect(first.headers['ratelimit-remaining']).toBe('48');

    const second = await post(a, FIFTY_STORES);
    const body = second.body as {
      data: unknown;
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]!.message).toMatch(/costs 102 points .* has 48 of 150 left/);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(100);

    // Another consultancy's bucket is its own.
    const other = await post(b, FIFTY_STORES).expect(200);
    expect(other.body).toMatchObject({ data: { stores: { totalCount: 2 } } });
  });
});
