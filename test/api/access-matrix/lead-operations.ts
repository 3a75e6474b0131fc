import { expect } from 'vitest';
import { encodeId, encodeKeyId } from '@candor/platform-graphql';
import { errorCodes, gql } from '../../support/api-process';
import { type Operation } from './matrix-types';

/** Rows of the role × operation matrix for leads (same shapes as the matrix spec). */
const LEAD = 'query($id: ID!) { lead(id: $id) { id } }';

// The matrix's stores hold no evidence, so an allowed caller gets NOT_FOUND (not FORBIDDEN);
// test/api/leads.e2e-spec.ts covers store, tenant and own-work scoping with real leads.
export const LEAD_OPERATIONS: Operation[] = [
  {
    name: 'lead',
    action: 'findings:read',
    run: (w, t) => gql(w.api, t, LEAD, { id: encodeKeyId('Lead', [w.a.storeIds[0]!, 'L1']) }),
    scoped: async (w, t) => {
      const found = await gql(w.api, t, LEAD, {
        id: encodeKeyId('Lead', [w.a.storeIds[0]!, 'L1']),
      });
      expect(errorCodes(found)).toEqual(['NOT_FOUND']);
      const mistyped = await gql(w.api, t, LEAD, { id: encodeId('Store', w.a.storeIds[0]!) });
      expect(errorCodes(mistyped)).toEqual(['BAD_USER_INPUT']);
    },
  },
];
