import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import {
  errorCodes,
  gql,
  type GraphQLResponse,
  type RunningApi,
  startApi,
} from '../support/api-process';

const FIXTURE = join(__dirname, '..', 'fixtures', 'hand-written.jsonl');
const IMPORT = `mutation Import($storeId: ID!, $file: Upload!, $source: String) {
  importEvidence(storeId: $storeId, file: $file, source: $source) {
    runId status lines accepted updated duplicate rejected blank rejectionsTotal
    rejections { line field reason }
  }
}`;
const RUNS = `query Runs($storeId: ID!, $first: Int, $after: String) {
  importRuns(storeId: $storeId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id source kind fileName status lines accepted duplicate rejected }
  }
}`;

interface Report {
  importEvidence: {
    runId: string;
    status: string;
    lines: number;
    accepted: number;
    updated: number;
    duplicate: number;
    rejected: number;
    blank: number;
    rejectionsTotal: number;
    rejections: { line: number; field: string; reason: string }[];
  };
}

/** A GraphQL multipart upload (the spec graphql-upload implements), as a browser would send it. */
async function upload(
  api: RunningApi,
  token: string,
  storeId: string,
  file: Buffer,
  name: string,
  source?: string,
): Promise<GraphQLResponse<Report>> {
  const res = await request(api.url)
    .post('/graphql')
    .set('authorization', `Bearer ${token}`)
    .set('apollo-require-preflight', 'true')
    .field(
      'operations',
      JSON.stringify({ query: IMPORT, variables: { storeId, file: null, source: source ?? null } }),
    )
    .field('map', JSON.stringify({ 0: ['variables.file'] }))
    .attach('0', file, name);
  return { status: res.status, ...(res.body as Omit<GraphQLResponse<Report>, 'status'>) };
}

describe('importEvidence / importRuns (real API, real PostgreSQL)', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;
  let ownerA: string;
  let ownerB: string;
  const bundle = readFileSync(FIXTURE);

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
    // The bundle's storeId is the store's external id.
    await runInTenant(ds, a, (tx) =>
      tx.query(`UPDATE store SET external_id = 'smith-toyota' WHERE id = $1`, [a.storeIds[0]]),
    );
    storeA = encodeId('Store', a.storeIds[0]!);
    ownerA = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api.stop();
    await ds.destroy();
  });

  it('imports an uploaded bundle and reports the counts', async () => {
    const res = await upload(api, ownerA, storeA, bundle, 'hand-written.jsonl');
    expect(res.errors).toBeUndefined();
    expect(res.data!.importEvidence).toMatchObject({
      status: 'completed',
      lines: 31,
      accepted: 31,
      updated: 0,
      duplicate: 0,
      rejected: 0,
      rejections: [],
    });
    const [row] = await runInTenant(ds, a, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM evidence_lead WHERE store_id = $1', [
        a.storeIds[0],
      ]),
    );
    expect(row!.n).toBe(7);
  });

  it("re-uploading gzip'd is all duplicates, and bad lines come back with line, field and reason", async () => {
    const again = await upload(api, ownerA, storeA, gzipSync(bundle), 'again.jsonl.gz');
    expect(again.data!.importEvidence).toMatchObject({ lines: 31, accepted: 0, duplicate: 31 });

    const bad = Buffer.from(
      [
        '{"type":"note","id":"N-up","storeId":"smith-toyota","leadId":"L1","at":"2026-03-03T10:00:00Z","text":"ok"}',
        '{"type":"lead","id":"X","storeId":"smith-toyota"}',
        'not json',
      ].join('\n'),
    );
    const res = await upload(api, ownerA, storeA, bad, 'bad.jsonl', 'crm-export');
    expect(res.data!.importEvidence).toMatchObject({ lines: 3, accepted: 1, rejected: 2 });
    expect(res.data!.importEvidence.rejections).toEqual(
      expect.arrayContaining([
        { line: 2, field: 'receivedAt', reason: 'is required' },
        { line: 2, field: 'customer', reason: 'is required' },
        { line: 3, field: '(line)', reason: expect.stringContaining('is not valid JSON') },
      ]),
    );
  });

  it('lists past imports, newest first, a page at a time', async () => {
    const first = await gql<{
      importRuns: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        nodes: { source: string; kind: string; fileName: string; lines: number }[];
      };
    }>(api, ownerA, RUNS, { storeId: storeA, first: 2 });
    expect(first.errors).toBeUndefined();
    expect(first.data!.importRuns.totalCount).toBe(3);
    expect(first.data!.importRuns.nodes.map((n) => n.fileName)).toEqual([
      'bad.jsonl',
      'again.jsonl.gz',
    ]);
    expect(first.data!.importRuns.nodes[0]).toMatchObject({ source: 'crm-export', kind: 'upload' });
    const rest = await gql<{ importRuns: { nodes: { fileName: string }[] } }>(api, ownerA, RUNS, {
      storeId: storeA,
      first: 2,
      after: first.data!.importRuns.pageInfo.endCursor,
    });
    expect(rest.data!.importRuns.nodes.map((n) => n.fileName)).toEqual(['hand-written.jsonl']);
  });

  it('another consultancy can neither import into nor list a store it cannot see', async () => {
    const res = await upload(api, ownerB, storeA, bundle, 'x.jsonl');
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    const runs = await gql(api, ownerB, RUNS, { storeId: storeA });
    expect(errorCodes(runs)).toEqual(['NOT_FOUND']);
  });

  it('needs evidence:write, and an unassigned consultant does not see the store', async () => {
    const agent = await newMember(ds, a.consultancyId, 'dealer_agent', a.storeIds);
    const agentToken = tokenFor(agent, a.consultancyId, api.tokens);
    expect(errorCodes(await upload(api, agentToken, storeA, bundle, 'x.jsonl'))).toEqual([
      'FORBIDDEN',
    ]);
    const consultant = await newMember(ds, a.consultancyId, 'consultant', []);
    const consultantToken = tokenFor(consultant, a.consultancyId, api.tokens);
    expect(errorCodes(await upload(api, consultantToken, storeA, bundle, 'x.jsonl'))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
