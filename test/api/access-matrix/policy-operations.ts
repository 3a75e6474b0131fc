import { expect } from 'vitest';
import type { Role } from '@candor/platform-auth';
import { errorCodes, gql } from '../../support/api-process';
import { type Operation, storeId, type World } from './matrix-types';

/**
 * Rows of the role × operation matrix for grading policies, merged into OPERATIONS of
 * access-matrix.e2e-spec.ts (same shapes, copied here). Writes go to store X of A and only
 * change its policy, which no other row reads.
 */

const POLICY = 'query($s: ID) { policy(storeId: $s) { version } }';
const VERSIONS = 'query($s: ID) { policyVersions(storeId: $s) { totalCount } }';
const UPDATE = `mutation($s: ID) {
  updatePolicy(input: { storeId: $s, overrides: { neglectDays: 4 } }) { version } }`;
const RESET = 'mutation($s: ID) { resetPolicy(storeId: $s) { version } }';

/** Store X (index 0) is every member's; Y (index 1) only the owner's; B's store nobody's. */
const storeScoped =
  (query: string) =>
  async (w: World, t: string, role: Role): Promise<void> => {
    expect(errorCodes(await gql(w.api, t, query, { s: null }))).toEqual([]);
    const y = await gql(w.api, t, query, { s: storeId(w.a, 1) });
    expect(errorCodes(y)).toEqual(role === 'consultancy_owner' ? [] : ['NOT_FOUND']);
    const foreign = await gql(w.api, t, query, { s: storeId(w.b, 0) });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
  };

export const POLICY_OPERATIONS: Operation[] = [
  {
    name: 'policy',
    action: 'scorecards:read',
    run: (w, t) => gql(w.api, t, POLICY, { s: storeId(w.a, 0) }),
    scoped: storeScoped(POLICY),
  },
  {
    name: 'policyVersions',
    action: 'scorecards:read',
    run: (w, t) => gql(w.api, t, VERSIONS, { s: storeId(w.a, 0) }),
    scoped: storeScoped(VERSIONS),
  },
  {
    name: 'updatePolicy',
    action: 'policies:write',
    run: (w, t) => gql(w.api, t, UPDATE, { s: storeId(w.a, 0) }),
    scoped: async (w, t) => {
      expect(errorCodes(await gql(w.api, t, UPDATE, { s: storeId(w.b, 0) }))).toEqual([
        'NOT_FOUND',
      ]);
    },
  },
  {
    name: 'resetPolicy',
    action: 'policies:write',
    run: (w, t) => gql(w.api, t, RESET, { s: storeId(w.a, 0) }),
    scoped: async (w, t) => {
      expect(errorCodes(await gql(w.api, t, RESET, { s: storeId(w.b, 0) }))).toEqual(['NOT_FOUND']);
    },
  },
];
