import { expect } from 'vitest';
import type { Role } from '@candor/platform-auth';
import { encodeKeyId } from '@candor/platform-graphql';
import { errorCodes, gql, type GraphQLResponse } from '../../support/api-process';
import { type Operation, storeId, type World } from './matrix-types';

/** Rows of the role × operation matrix for scorecards and findings (same shapes as the spec). */
const WEEK = { granularity: 'WEEK', date: '2026-03-02' };
const SCORECARD = `query($s: ID!, $p: PeriodInput) { storeScorecard(storeId: $s, period: $p) { id } }`;
const AGENT = `query($a: ID!, $p: PeriodInput) { agentScorecard(agentId: $a, period: $p) { id } }`;
const TREND = `query($s: ID!) {
  metricTrend(storeId: $s, metricId: "clockStop.rate", granularity: WEEK, periods: 2) { metricId }
}`;
const FINDINGS = `query($s: ID, $p: PeriodInput) { findings(storeId: $s, period: $p) { totalCount } }`;
const PORTFOLIO = `query($p: PeriodInput) { portfolio(period: $p) { totalCount } }`;
const REGRADE = `mutation($s: ID!, $p: PeriodInput) { regradeStore(storeId: $s, period: $p) { graded } }`;

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

export const REPORT_OPERATIONS: Operation[] = [
  {
    name: 'storeScorecard',
    action: 'scorecards:read',
    run: (w, t) => gql(w.api, t, SCORECARD, { s: storeId(w.a, 0), p: WEEK }),
    scoped: (w, t, role) =>
      onlyVisibleStores((s) => gql(w.api, t, SCORECARD, { s, p: WEEK }), role, w),
  },
  {
    // No agent has work in these empty stores: every caller allowed to ask gets NOT_FOUND, for
    // a visible store as for another tenant's, never FORBIDDEN.
    name: 'agentScorecard',
    action: 'scorecards:read',
    run: (w, t) =>
      gql(w.api, t, AGENT, { a: encodeKeyId('Agent', [w.a.storeIds[0]!, 'u-1']), p: WEEK }),
    scoped: async (w, t) => {
      const foreign = encodeKeyId('Agent', [w.b.storeIds[0]!, 'u-1']);
      expect(errorCodes(await gql(w.api, t, AGENT, { a: foreign, p: WEEK }))).toEqual([
        'NOT_FOUND',
      ]);
    },
  },
  {
    name: 'metricTrend',
    action: 'scorecards:read',
    run: (w, t) => gql(w.api, t, TREND, { s: storeId(w.a, 0) }),
    scoped: (w, t, role) => onlyVisibleStores((s) => gql(w.api, t, TREND, { s }), role, w),
  },
  {
    name: 'portfolio',
    action: 'scorecards:read',
    run: (w, t) => gql(w.api, t, PORTFOLIO, { p: WEEK }),
    // Exactly the stores the caller sees (other rows of the matrix add stores for the owner).
    scoped: async (w, t, role) => {
      const res = await gql<{ portfolio: { totalCount: number }; stores: { totalCount: number } }>(
        w.api,
        t,
        `query($p: PeriodInput) { portfolio(period: $p) { totalCount } stores { totalCount } }`,
        { p: WEEK },
      );
      expect(res.data?.portfolio.totalCount).toBe(res.data?.stores.totalCount);
      if (role !== 'consultancy_owner') expect(res.data?.portfolio.totalCount).toBe(1);
    },
  },
  {
    name: 'findings',
    action: 'findings:read',
    run: (w, t) => gql(w.api, t, FINDINGS, { s: storeId(w.a, 0), p: WEEK }),
    scoped: (w, t, role) =>
      onlyVisibleStores((s) => gql(w.api, t, FINDINGS, { s, p: WEEK }), role, w),
  },
  {
    name: 'regradeStore',
    action: 'evidence:write',
    run: (w, t) => gql(w.api, t, REGRADE, { s: storeId(w.a, 0), p: WEEK }),
    scoped: (w, t, role) =>
      onlyVisibleStores((s) => gql(w.api, t, REGRADE, { s, p: WEEK }), role, w),
  },
];
