import { Client } from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlFor } from '@candor/platform-database';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import { newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { gql, runApiExpectingExit, type RunningApi, startApi } from '../support/api-process';

describe('the booted API', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;

  beforeAll(async () => {
    api = await startApi({ CANDOR_DEV_TOKENS: 'true' });
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 1 });
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('is live and ready once migrations are applied', async () => {
    await request(api.url).get('/health').expect(200, { status: 'ok' });
    await request(api.url).get('/ready').expect(200, { status: 'ready' });
  });

  it('answers a GraphQL query for a signed-in user, with a request id', async () => {
    const res = await request(api.url)
      .post('/graphql')
      .set('authorization', `Bearer ${tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens)}`)
      .set('x-request-id', 'trace-1234567890')
      .send({ query: '{ viewer { role seesAllStores user { email } } }' })
      .expect(200);
    expect(res.headers['x-request-id']).toBe('trace-1234567890');
    expect(res.body).toEqual({
      data: {
        viewer: {
          role: 'CONSULTANCY_OWNER',
          seesAllStores: true,
          user: { email: expect.stringMatching(/@example\.test$/) },
        },
      },
      extensions: { cost: expect.objectContaining({ requestedQueryCost: 2 }) },
    });
  });

  it('refuses anonymous GraphQL calls with UNAUTHENTICATED', async () => {
    const res = await gql(api, null, '{ viewer { role } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it('issues development tokens only for existing memberships', async () => {
    const ok = await request(api.url)
      .post('/dev/token')
      .send({ userId: tenant.ownerId, consultancyId: tenant.consultancyId })
      .expect(200);
    const res = await gql(api, (ok.body as { token: string }).token, '{ viewer { role } }');
    expect(res.data).toEqual({ viewer: { role: 'CONSULTANCY_OWNER' } });

    await request(api.url)
      .post('/dev/token')
      .send({ userId: crypto.randomUUID(), consultancyId: tenant.consultancyId })
      .expect(404);
    const bad = await request(api.url).post('/dev/token').send({ userId: 'me' }).expect(400);
    expect(bad.body).toEqual({
      error: { code: 'BAD_USER_INPUT', message: 'userId and consultancyId must be UUIDs' },
    });
  });
});

describe('API start-up checks', () => {
  it('has no development token issuer unless explicitly enabled', async () => {
    const api = await startApi();
    try {
      await request(api.url).post('/dev/token').send({}).expect(404);
    } finally {
      await api.stop();
    }
  });

  it('reports not ready, naming the pending migrations, on an unmigrated database', async () => {
    const db = testDatabase();
    const empty = `${db.database}_empty`;
    const admin = new Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${empty}`);
      const api = await startApi({
        DATABASE_URL: urlFor(db.appUrl, empty, db.appRole, new URL(db.appUrl).password),
      });
      try {
        const res = await request(api.url).get('/ready').expect(503);
        expect(res.body).toMatchObject({ status: 'not_ready', reason: 'migrations pending' });
        expect((res.body as { pending: string[] }).pending).toContain('Tenancy1763900000100');
      } finally {
        await api.stop();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${empty} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('fails fast with a readable message when a secret is missing', async () => {
    const result = await runApiExpectingExit({ DATABASE_URL: testDatabase().appUrl });
    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid configuration');
    expect(result.output).toContain('AUTH_JWT_SECRET: is required');
  });
});
