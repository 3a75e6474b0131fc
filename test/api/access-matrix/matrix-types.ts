import type { Action, Role } from '@candor/platform-auth';
import { encodeId } from '@candor/platform-graphql';
import type { TestTenant } from '@candor/tenancy-testing';
import type { gql, RunningApi } from '../../support/api-process';

/** What every row of the role × operation matrix runs against. */
export interface World {
  api: RunningApi;
  a: TestTenant;
  b: TestTenant;
  /** The dealer agent of A (assigned store X), whom linkAgentIdentity links. */
  agentId: string;
  unique: () => string;
}

/** One row of the matrix: an operation and the permission-table action that governs it. */
export interface Operation {
  name: string;
  action: Action;
  /** Runs the operation as `token`; returns the GraphQL response. */
  run: (w: World, token: string) => ReturnType<typeof gql>;
  /** Extra checks of store scoping for roles that are allowed (store X visible, Y not). */
  scoped?: (w: World, token: string, role: Role) => Promise<void>;
}

/** The opaque id of a tenant's i-th store. */
export const storeId = (t: TestTenant, i: number) => encodeId('Store', t.storeIds[i]!);
