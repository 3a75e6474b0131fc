import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import {
  errorCodes,
  gql,
  type GraphQLResponse,
  type RunningApi,
  startApi,
} from '../support/api-process';

const POLICY_FIELDS = `version defaultVersion storeId overrides neglectDays corroborationWindowMin
  fillerPatterns cadence { day channel } categoryWeights { responsiveness process }
  grading { metricId category graded floor target weight absolute }
  basedOn { label number note }`;
const POLICY = `query($s: ID) { policy(storeId: $s) { ${POLICY_FIELDS} } }`;
const UPDATE = `mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { ${POLICY_FIELDS} } }`;
const RESET = `mutation($s: ID, $n: String) { resetPolicy(storeId: $s, note: $n) { version overrides } }`;
const VERSIONS = `query($s: ID, $first: Int, $after: String) {
  policyVersions(storeId: $s, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id storeId number label overrides note createdBy createdAt } } }`;
const AUDIT = `query($a: String!) { auditEvents(filter: { action: $a }) {
  totalCount nodes { entityType before after } } }`;

interface MetricGradingNode {
  metricId: string;
  category: string;
  graded: boolean;
  floor: number | null;
  target: number | null;
  weight: number | null;
  absolute: boolean;
}

interface PolicyNode {
  version: string;
  defaultVersion: string;
  storeId: string | null;
  overrides: Record<string, unknown>;
  neglectDays: number;
  corroborationWindowMin: number;
  fillerPatterns: string[];
  cadence: { day: number; channel: string }[];
  categoryWeights: { responsiveness: number; process: number };
  grading: MetricGradingNode[];
  basedOn: { label: string; number: number; note: string | null }[];
}

interface VersionsNode {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: {
    storeId: string | null;
    label: string;
    overrides: Record<string, unknown>;
    note: string | null;
    createdBy: string;
  }[];
}

const metric = (p: PolicyNode, id: string) => p.grading.find((g) => g.metricId === id);

describe('grading policies over GraphQL', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let ownerA: string;
  let ownerB: string;
  let agentA: string;

  const storeOf = (t: TestTenant, i = 0) => encodeId('Store', t.storeIds[i]!);
  const policyOf = async (token: string, storeId: string | null) => {
    const res = await gql<{ policy: PolicyNode }>(api, token, POLICY, { s: storeId });
    expect(res.errors).toBeUndefined();
    return res.data!.policy;
  };
  const update = (token: string, input: Record<string, unknown>) =>
    gql<{ updatePolicy: PolicyNode }>(api, token, UPDATE, { i: input });
  const versionsOf = async (storeId: string | null, first?: number, after?: string) => {
    const res = await gql<{ policyVersions: VersionsNode }>(api, ownerA, VERSIONS, {
      s: storeId,
      first,
      after,
    });
    expect(res.errors).toBeUndefined();
    return res.data!.policyVersions;
  };

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 2 });
    b = await newTenant(ds, { stores: 1 });
    ownerA = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
    const agent = await newMember(ds, a.consultancyId, 'dealer_agent', [a.storeIds[0]!]);
    agentA = tokenFor(agent, a.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('shows the default policy with every setting typed before anything is saved', async () => {
    const policy = await policyOf(ownerA, storeOf(a));
    expect(policy).toMatchObject({
      version: 'default-1',
      defaultVersion: 'default-1',
      storeId: storeOf(a),
      overrides: {},
      basedOn: [],
      neglectDays: 3,
      categoryWeights: { responsiveness: 20, process: 5 },
    });
    expect(policy.grading).toHaveLength(32);
    expect(metric(policy, 'response.trueMedianMin')).toEqual({
      metricId: 'response.trueMedianMin',
      category: 'responsiveness',
      graded: true,
      floor: 120,
      target: 15,
      weight: 2,
      absolute: false,
    });
    expect(metric(policy, 'response.crmMedianMin')).toMatchObject({ graded: false, floor: null });
    expect(metric(policy, 'tasks.cherryPickIndex')?.absolute).toBe(true);
    expect(policy.cadence[0]).toEqual({ day: 0, channel: 'call' });
  });

  it('saves consultancy overrides as version c1 and store overrides on top as s1', async () => {
    const consultancy = await update(ownerA, {
      overrides: {
        neglectDays: 5,
        grading: { 'response.trueMedianMin': { floor: 60, target: 10 } },
        cadence: [
          { day: 0, channel: 'call' },
          { day: 2, channel: 'text' },
        ],
      },
      note: 'Tighter first response for 2026',
    });
    expect(consultancy.errors).toBeUndefined();
    expect(consultancy.data!.updatePolicy).toMatchObject({
      version: 'c1',
      storeId: null,
      neglectDays: 5,
      cadence: [
        { day: 0, channel: 'call' },
        { day: 2, channel: 'text' },
      ],
      basedOn: [{ label: 'c1', number: 1, note: 'Tighter first response for 2026' }],
    });

    const store = await update(ownerA, {
      storeId: storeOf(a),
      overrides: { categoryWeights: { process: 0 }, corroborationWindowMin: 20 },
    });
    expect(store.errors).toBeUndefined();
    const x = store.data!.updatePolicy;
    expect(x).toMatchObject({
      version: 'c1.s1',
      overrides: { categoryWeights: { process: 0 }, corroborationWindowMin: 20 },
      neglectDays: 5,
      corroborationWindowMin: 20,
      categoryWeights: { responsiveness: 20, process: 0 },
    });
    expect(metric(x, 'response.trueMedianMin')).toMatchObject({ floor: 60, target: 10, weight: 1 });
    expect(x.basedOn.map((v) => v.label)).toEqual(['c1', 's1']);

    // The other store only has the consultancy level; the consultancy level shows its own overrides.
    expect((await policyOf(ownerA, storeOf(a, 1))).version).toBe('c1');
    expect((await policyOf(ownerA, null)).overrides).toMatchObject({ neglectDays: 5 });
  });

  it('lets everyone who reads scorecards see the policy of their stores, and nothing else', async () => {
    expect((await policyOf(agentA, storeOf(a))).version).toBe('c1.s1');
    expect((await policyOf(agentA, null)).version).toBe('c1');
    const unassigned = await gql(api, agentA, POLICY, { s: storeOf(a, 1) });
    expect(errorCodes(unassigned)).toEqual(['NOT_FOUND']);
    const foreign = await gql(api, ownerB, POLICY, { s: storeOf(a) });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    expect((await policyOf(ownerB, null)).version).toBe('default-1');
    const write = await update(ownerB, { storeId: storeOf(a), overrides: { neglectDays: 9 } });
    expect(errorCodes(write)).toEqual(['NOT_FOUND']);
  });

  it('rejects bad overrides with every field in extensions and saves nothing', async () => {
    const res = await update(ownerA, {
      storeId: storeOf(a),
      overrides: {
        grading: {
          'response.trueMedianMin': { floor: 'soon', target: 10 },
          'response.fake': { floor: 1, target: 2 },
          'tasks.onTimeRate': { floor: 0.9, target: 0.9 },
        },
        cadence: [{ day: 1, channel: 'fax' }],
        fillerPatterns: ['/(unclosed/'],
        neglectDyas: 4,
      },
    });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    const error = (res as GraphQLResponse<unknown>).errors![0]!;
    expect(error.extensions?.['fields']).toEqual([
      {
        field: 'input.overrides.grading.response.trueMedianMin.floor',
        message: 'must be a number from -1000000000 to 1000000000',
      },
      { field: 'input.overrides.grading.response.fake', message: 'is not a metric id' },
      {
        field: 'input.overrides.grading.tasks.onTimeRate',
        message: 'floor and target must differ',
      },
      { field: 'input.overrides.cadence[0].channel', message: 'must be call, email or text' },
      { field: 'input.overrides.neglectDyas', message: 'is not a policy setting' },
      { field: 'input.overrides.fillerPatterns[0]', message: 'is not a valid regular expression' },
    ]);
    expect(error.message).toMatch(
      /^Invalid policy: input\.overrides\.grading\.response\.trueMedianMin\.floor: must be a number from/,
    );
    expect(error.message).toContain('(and 3 more, listed in extensions.fields)');
    expect((await versionsOf(storeOf(a))).totalCount).toBe(1);
    expect((await policyOf(ownerA, storeOf(a))).version).toBe('c1.s1');
  });

  it('refuses a version name and an over-long note with their fields', async () => {
    const res = await update(ownerA, { overrides: { version: 'v2' }, note: 'x'.repeat(2001) });
    expect(
      (res.errors?.[0]?.extensions?.['fields'] as { field: string }[]).map((f) => f.field),
    ).toEqual(['input.overrides.version', 'input.note']);
  });

  it('lists saved versions newest first, in pages, and resets a store to the consultancy policy', async () => {
    const reset = await gql<{ resetPolicy: { version: string; overrides: unknown } }>(
      api,
      ownerA,
      RESET,
      { s: storeOf(a), n: 'back to the group policy' },
    );
    expect(reset.errors).toBeUndefined();
    expect(reset.data!.resetPolicy).toEqual({ version: 'c1', overrides: {} });

    const page1 = await versionsOf(storeOf(a), 1);
    expect(page1.totalCount).toBe(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.nodes).toMatchObject([
      { label: 's2', overrides: {}, note: 'back to the group policy', storeId: storeOf(a) },
    ]);
    const page2 = await versionsOf(storeOf(a), 1, page1.pageInfo.endCursor!);
    expect(page2.nodes.map((v) => v.label)).toEqual(['s1']);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const consultancy = await versionsOf(null);
    expect(consultancy.nodes).toMatchObject([
      { label: 'c1', storeId: null, createdBy: encodeId('User', a.ownerId) },
    ]);
  });

  it('audits each change once, with the overrides and policy name before and after', async () => {
    const res = await gql<{
      auditEvents: {
        totalCount: number;
        nodes: { entityType: string; before: string; after: string }[];
      };
    }>(api, ownerA, AUDIT, { a: 'policy.updated' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.auditEvents.totalCount).toBe(2);
    const storeChange = res
      .data!.auditEvents.nodes.map((n) => ({
        type: n.entityType,
        before: JSON.parse(n.before),
        after: JSON.parse(n.after),
      }))
      .find((n) => n.after.label === 's1');
    expect(storeChange).toMatchObject({
      type: 'policy_version',
      before: { label: null, overrides: null, policyVersion: 'c1' },
      after: { label: 's1', policyVersion: 'c1.s1', overrides: { corroborationWindowMin: 20 } },
    });
    const generic = await gql<{ auditEvents: { totalCount: number } }>(api, ownerA, AUDIT, {
      a: 'mutation.updatePolicy',
    });
    expect(generic.data!.auditEvents.totalCount).toBe(0);
    const resets = await gql<{ auditEvents: { totalCount: number } }>(api, ownerA, AUDIT, {
      a: 'policy.reset',
    });
    expect(resets.data!.auditEvents.totalCount).toBe(1);
  });
});
