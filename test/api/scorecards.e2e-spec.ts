import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '@candor/evidence-data-access';
import { encodeId, encodeKeyId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import type { Report } from '@candor/scoring';
import {
  addStore,
  DEALER_HOURS,
  newMember,
  newTenant,
  type TestTenant,
  tokenFor,
} from '@candor/tenancy-testing';
import {
  errorCodes,
  gql,
  type GraphQLResponse,
  type RunningApi,
  startApi,
} from '../support/api-process';
import { runCandor } from '../support/run-cli';

const FIXTURE = join(__dirname, '..', 'fixtures', 'hand-written.jsonl');
const WEEK = { granularity: 'WEEK', date: '2026-03-02' };

const SCORECARD = `query($s: ID!, $p: PeriodInput) {
  storeScorecard(storeId: $s, period: $p) {
    id storeName policyVersion findingCount stale
    period { granularity label start end asOf final }
    overall { score letter }
    categories { category grade { score letter } }
    metrics { metricId category value n subscore target floor }
    crmVersusReality { key crm reality unit }
    coverage { sources computable total }
    agents(first: 10) { totalCount nodes { id userId name rank overall { score letter } } }
  }
}`;
const FINDINGS = `query($s: ID, $p: PeriodInput, $first: Int, $after: String, $agent: ID, $sev: [FindingSeverity!]) {
  findings(storeId: $s, period: $p, first: $first, after: $after, agentId: $agent, severities: $sev) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id metricId severity message eventIds leadId leadGlobalId userId agentId periodLabel }
  }
}`;
const PORTFOLIO = `query($p: PeriodInput) {
  portfolio(period: $p, first: 20) {
    totalCount
    nodes { store { id name } period { label } overall { score letter } previous { score } trend
            worstMetrics { metricId subscore } policyVersion }
  }
}`;

interface Scorecard {
  id: string;
  storeName: string;
  policyVersion: string;
  findingCount: number;
  period: { label: string; final: boolean; asOf: string };
  overall: { score: number | null; letter: string | null };
  metrics: {
    metricId: string;
    value: number | null;
    n: number;
    subscore: number | null;
    target: number | null;
  }[];
  crmVersusReality: { key: string; crm: number | null; reality: number | null }[];
  agents: { totalCount: number; nodes: { id: string; userId: string; rank: number }[] };
}
interface FindingPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    id: string;
    metricId: string;
    severity: string;
    message: string;
    userId: string | null;
    leadId: string | null;
    leadGlobalId: string | null;
    agentId: string | null;
  }[];
}

async function storeWithFixture(ds: DataSource, t: TestTenant): Promise<string> {
  // The bundle's hours: the store's settings in Candor are what it is graded with.
  const id = await addStore(ds, t, {
    externalId: 'smith-toyota',
    name: 'Smith Toyota',
    businessHours: DEALER_HOURS,
  });
  await importBundle(ds, t, { store: id, input: { kind: 'file', path: FIXTURE } });
  return id;
}

describe('scorecards, findings and the portfolio over stored evidence', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let smith: string;
  let owner: string;
  let manager: string;
  let otherManager: string;
  let ownerB: string;
  let cli: Report;

  beforeAll(async () => {
    // Many costly reads in a row from one consultancy: the query-cost bucket is tested elsewhere.
    api = await startApi({ GRAPHQL_COST_RESTORE_PER_SECOND: '100000' });
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
    smith = await storeWithFixture(ds, a);
    owner = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    manager = tokenFor(
      await newMember(ds, a.consultancyId, 'dealer_manager', [smith]),
      a.consultancyId,
      api.tokens,
    );
    otherManager = tokenFor(
      await newMember(ds, a.consultancyId, 'dealer_manager', [a.storeIds[0]!]),
      a.consultancyId,
      api.tokens,
    );
    ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
    const graded = await runCandor([
      'grade',
      FIXTURE,
      '--from',
      '2026-03-02',
      '--to',
      '2026-03-09',
      '--format',
      'json',
    ]);
    expect(graded.code).toBe(0);
    cli = JSON.parse(graded.stdout) as Report;
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  const scorecard = async (token: string, store: string, period: unknown = WEEK) =>
    gql<{ storeScorecard: Scorecard }>(api, token, SCORECARD, {
      s: encodeId('Store', store),
      p: period,
    });

  it("a dealer manager's scorecard equals what `candor grade` prints for the same evidence and window", async () => {
    const res = await scorecard(manager, smith);
    expect(res.errors).toBeUndefined();
    const card = res.data!.storeScorecard;
    const expected = cli.stores[0]!;
    expect(card).toMatchObject({
      storeName: 'Smith Toyota',
      policyVersion: cli.policyVersion,
      findingCount: expected.findings.length,
      overall: { score: expected.overall.score, letter: expected.overall.letter },
      period: { label: '2026-W10', final: true, asOf: cli.window.asOf },
    });
    for (const m of card.metrics) {
      const want = expected.metrics[m.metricId as keyof typeof expected.metrics];
      expect({ id: m.metricId, value: m.value, n: m.n, subscore: m.subscore }).toEqual({
        id: m.metricId,
        value: want.value,
        n: want.n,
        subscore: want.subscore,
      });
    }
    expect(card.metrics).toHaveLength(Object.keys(expected.metrics).length);
    // The fixture's story: the CRM shows a 5-minute first response, the phone system 41.
    expect(card.crmVersusReality.find((p) => p.key === 'firstResponseMedianMin')).toMatchObject({
      crm: 5,
      reality: 41,
    });
    expect(card.agents.nodes.map((n) => n.userId).sort()).toEqual(
      expected.agents.map((x) => x.userId).sort(),
    );
    expect(card.agents.nodes.map((n) => n.rank)).toEqual(card.agents.nodes.map((_, i) => i + 1));
  });

  it('pages through every finding of the week, in report order, with stable ids', async () => {
    const seen: FindingPage['nodes'] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: GraphQLResponse<{ findings: FindingPage }> = await gql(api, owner, FINDINGS, {
        s: encodeId('Store', smith),
        p: WEEK,
        first: 3,
        after,
      });
      expect(res.errors).toBeUndefined();
      const f: FindingPage = res.data!.findings;
      expect(f.totalCount).toBe(cli.stores[0]!.findings.length);
      seen.push(...f.nodes);
      if (!f.pageInfo.hasNextPage) break;
      after = f.pageInfo.endCursor;
    }
    expect(seen.map((f) => f.message)).toEqual(cli.stores[0]!.findings.map((f) => f.message));
    expect(new Set(seen.map((f) => f.id)).size).toBe(seen.length);
    const clockStop = seen.find((f) => f.metricId === 'clockStop.rate' && f.leadId === 'L1')!;
    expect(clockStop.leadGlobalId).toBe(encodeKeyId('Lead', [smith, 'L1']));
    const again = await gql<{ findings: FindingPage }>(api, owner, FINDINGS, {
      s: encodeId('Store', smith),
      p: WEEK,
      first: 100,
      sev: ['HIGH'],
    });
    expect(again.data!.findings.nodes.every((f) => f.severity === 'HIGH')).toBe(true);
    expect(again.data!.findings.nodes.map((f) => f.id)).toContain(clockStop.id);
  });

  it("a finding leads to its lead's timeline, which shows the claim that stopped the clock", async () => {
    const res = await gql<{
      findings: {
        nodes: {
          eventIds: string[];
          lead: {
            externalId: string;
            clockStopped: boolean;
            timeline: { eventId: string; claim: { status: string } | null }[];
          } | null;
        }[];
      };
    }>(
      api,
      owner,
      `query($s: ID, $p: PeriodInput) { findings(storeId: $s, period: $p, first: 50, metricIds: ["clockStop.rate"]) {
        nodes { eventIds lead { externalId clockStopped timeline { eventId claim { status } } } } } }`,
      { s: encodeId('Store', smith), p: WEEK },
    );
    expect(res.errors).toBeUndefined();
    const l1 = res.data!.findings.nodes.find((f) => f.lead?.externalId === 'L1')!;
    expect(l1.lead!.clockStopped).toBe(true);
    const claim = l1.lead!.timeline.find((e) => e.eventId === l1.eventIds[0]);
    expect(claim?.claim?.status).toBe('UNCORROBORATED');
  });

  it("an agent's scorecard and findings filter by agent id", async () => {
    const card = (await scorecard(owner, smith)).data!.storeScorecard;
    const dana = card.agents.nodes.find((n) => n.userId === 'u-dana')!;
    const res = await gql<{ agentScorecard: { userId: string; overall: { score: number } } }>(
      api,
      owner,
      `query($a: ID!, $p: PeriodInput) { agentScorecard(agentId: $a, period: $p) { userId overall { score } } }`,
      { a: dana.id, p: WEEK },
    );
    expect(res.data!.agentScorecard.userId).toBe('u-dana');
    expect(res.data!.agentScorecard.overall.score).toBe(
      cli.stores[0]!.agents.find((x) => x.userId === 'u-dana')!.overall.score,
    );
    const mine = await gql<{ findings: FindingPage }>(api, owner, FINDINGS, {
      p: WEEK,
      first: 100,
      agent: dana.id,
    });
    const expected = cli.stores[0]!.findings.filter((f) => f.userId === 'u-dana');
    expect(mine.data!.findings.nodes.map((f) => f.message)).toEqual(expected.map((f) => f.message));
  });

  it('the portfolio lists every store with its grade, the previous week and a trend', async () => {
    const res = await gql<{
      portfolio: {
        totalCount: number;
        nodes: {
          store: { name: string };
          overall: { score: number | null };
          previous: { score: number | null };
          trend: number | null;
          worstMetrics: { subscore: number }[];
        }[];
      };
    }>(api, owner, PORTFOLIO, { p: WEEK });
    expect(res.errors).toBeUndefined();
    expect(res.data!.portfolio.totalCount).toBe(2);
    const entry = res.data!.portfolio.nodes.find((n) => n.store.name === 'Smith Toyota')!;
    expect(entry.overall.score).toBe(cli.stores[0]!.overall.score);
    expect(entry.worstMetrics).toHaveLength(3);
    expect(entry.worstMetrics.map((m) => m.subscore)).toEqual(
      [...entry.worstMetrics.map((m) => m.subscore)].sort((x, y) => x - y),
    );
  });

  it('a store you cannot see is NOT_FOUND, for another dealer and for another tenant', async () => {
    expect(errorCodes(await scorecard(otherManager, smith))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await scorecard(ownerB, smith))).toEqual(['NOT_FOUND']);
    const findings = await gql(api, ownerB, FINDINGS, { s: encodeId('Store', smith), p: WEEK });
    expect(errorCodes(findings)).toEqual(['NOT_FOUND']);
    const all = await gql<{ findings: FindingPage }>(api, ownerB, FINDINGS, { p: WEEK });
    expect(all.data!.findings.totalCount).toBe(0);
  });

  it('a bad period is BAD_USER_INPUT naming the field', async () => {
    const res = await scorecard(owner, smith, { granularity: 'DAY', date: '2026-02-30' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toContain('period.date');
    const custom = await scorecard(owner, smith, {
      granularity: 'CUSTOM',
      from: '2026-03-09T00:00:00Z',
      to: '2026-03-02T00:00:00Z',
    });
    expect(custom.errors![0]!.message).toContain('from must be before to');
  });

  it('a custom window is graded on first read and matches the CLI for the same window', async () => {
    const res = await scorecard(owner, smith, {
      granularity: 'CUSTOM',
      from: '2026-03-02T06:00:00Z',
      to: '2026-03-09T05:00:00Z',
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.storeScorecard.overall.score).toBe(cli.stores[0]!.overall.score);
  });

  it('a dealer agent sees their own scores and findings only', async () => {
    const agentId = await newMember(ds, a.consultancyId, 'dealer_agent', [smith]);
    const link = await gql(
      api,
      owner,
      `mutation($u: ID!, $s: ID!) {
      linkAgentIdentity(input: { userId: $u, storeId: $s, crmUserId: "u-sam" }) { id } }`,
      { u: encodeId('User', agentId), s: encodeId('Store', smith) },
    );
    expect(link.errors).toBeUndefined();
    const sam = tokenFor(agentId, a.consultancyId, api.tokens);
    const card = (await scorecard(sam, smith)).data!.storeScorecard;
    const expected = cli.stores[0]!.agents.find((x) => x.userId === 'u-sam')!;
    expect(card.overall.score).toBe(expected.overall.score);
    expect(card.agents.nodes.map((n) => n.userId)).toEqual(['u-sam']);
    const own = await gql<{ findings: FindingPage }>(api, sam, FINDINGS, { p: WEEK, first: 100 });
    const samFindings = cli.stores[0]!.findings.filter((f) => f.userId === 'u-sam');
    expect(own.data!.findings.totalCount).toBe(samFindings.length);
    expect(card.findingCount).toBe(samFindings.length);
    expect(own.data!.findings.nodes.every((f) => f.userId === 'u-sam')).toBe(true);
    const dana = encodeKeyId('Agent', [smith, 'u-dana']);
    const other = await gql(api, sam, `query($a: ID!) { agentScorecard(agentId: $a) { userId } }`, {
      a: dana,
    });
    expect(errorCodes(other)).toEqual(['NOT_FOUND']);
  });

  it('metricTrend gives one point per week, oldest first, ending this week', async () => {
    const res = await gql<{
      metricTrend: { points: { period: { label: string }; value: number | null; n: number }[] };
    }>(
      api,
      owner,
      `query($s: ID!) { metricTrend(storeId: $s, metricId: "response.trueMedianMin", granularity: WEEK, periods: 3) {
        points { period { label } value n } } }`,
      { s: encodeId('Store', smith) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.metricTrend.points).toHaveLength(3);
    const bad = await gql(
      api,
      owner,
      `query($s: ID!) { metricTrend(storeId: $s, metricId: "nope", granularity: WEEK) { metricId } }`,
      { s: encodeId('Store', smith) },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });
});
