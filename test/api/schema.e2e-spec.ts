import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type IntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type RunningApi, startApi } from '../support/api-process';

const SCHEMA_FILE = join(REPO_ROOT, 'apps', 'api', 'schema.gql');

function withoutHeader(sdl: string): string {
  return sdl.replace(/^(#.*\n)+\n?/, '').trim();
}

describe('the published schema', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(() => api?.stop());

  it('is exactly what the running API serves (run `npm run schema:generate` after changing it)', async () => {
    const res = await request(api.url)
      .post('/graphql')
      .send({ query: getIntrospectionQuery() })
      .expect(200);
    const live = buildClientSchema((res.body as { data: IntrospectionQuery }).data);
    const committed = withoutHeader(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(printSchema(lexicographicSortSchema(live)).trim()).toBe(committed);
  });

  it('describes every type and field', async () => {
    const res = await request(api.url)
      .post('/graphql')
      .send({ query: getIntrospectionQuery() })
      .expect(200);
    const { types } = (res.body as { data: IntrospectionQuery }).data.__schema;
    const undocumented: string[] = [];
    for (const type of types) {
      if (
        type.name.startsWith('__') ||
        ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)
      )
        continue;
      const isRoot = ['Query', 'Mutation', 'Subscription'].includes(type.name);
      if (!type.description && !isRoot) undocumented.push(type.name);
      const fields =
        'fields' in type && type.fields
          ? type.fields
          : 'inputFields' in type
            ? type.inputFields
            : [];
      for (const field of fields ?? []) {
        if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});

describe('in production', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi({ NODE_ENV: 'production' });
  });

  afterAll(() => api?.stop());

  it('refuses introspection', async () => {
    const res = await request(api.url)
      .post('/graphql')
      .send({ query: '{ __schema { queryType { name } } }' });
    expect(
      (res.body as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves no explorer page', async () => {
    const res = await request(api.url).get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toContain('<html');
  });
});
