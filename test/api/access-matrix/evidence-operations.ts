import request from 'supertest';
import { expect } from 'vitest';
import type { Role } from '@candor/platform-auth';
import { errorCodes, gql, type GraphQLResponse } from '../../support/api-process';
import { type Operation, storeId, type World } from './matrix-types';

/** Rows of the role × operation matrix for evidence imports (same shapes as the matrix spec). */
const IMPORT = `mutation($s: ID!, $f: Upload!) { importEvidence(storeId: $s, file: $f) { lines } }`;
const RUNS = 'query($s: ID!) { importRuns(storeId: $s) { totalCount } }';

/** A real multipart upload of a one-line bundle into `store`. */
async function upload(w: World, token: string, store: string): Promise<GraphQLResponse<unknown>> {
  const res = await request(w.api.url)
    .post('/graphql')
    .set('authorization', `Bearer ${token}`)
    .set('apollo-require-preflight', 'true')
    .field('operations', JSON.stringify({ query: IMPORT, variables: { s: store, f: null } }))
    .field('map', JSON.stringify({ 0: ['variables.f'] }))
    .attach('0', Buffer.from('\n'), 'empty.jsonl');
  return { status: res.status, ...(res.body as Omit<GraphQLResponse<unknown>, 'status'>) };
}

/** Store X (index 0) is every member's; Y (index 1) only the owner's; B's store nobody's. */
async function onlyVisibleStores(
  run: (store: string) => Promise<GraphQLResponse<unknown>>,
  role: Role,
  w: World,
): Promise<void> {
  const y = await run(storeId(w.a, 1));
  expect(errorCodes(y)).toEqual(role === 'consultancy_owner' ? [] : ['NOT_FOUND']);
  expect(errorCodes(await run(storeId(w.b, 0)))).toEqual(['NOT_FOUND']);
}

export const EVIDENCE_OPERATIONS: Operation[] = [
  {
    name: 'importEvidence',
    action: 'evidence:write',
    run: (w, t) => upload(w, t, storeId(w.a, 0)),
    scoped: (w, t, role) => onlyVisibleStores((s) => upload(w, t, s), role, w),
  },
  {
    name: 'importRuns',
    action: 'evidence:read',
    run: (w, t) => gql(w.api, t, RUNS, { s: storeId(w.a, 0) }),
    scoped: (w, t, role) => onlyVisibleStores((s) => gql(w.api, t, RUNS, { s }), role, w),
  },
];
