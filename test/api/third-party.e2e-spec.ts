import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '@candor/evidence-data-access';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import {
  type CandorClient,
  CreateApiKeyDocument,
  FindingsDocument,
  type FindingsQuery,
  StoreScorecardDocument,
} from '@candor/sdk';
import {
  addStore,
  DEALER_HOURS,
  newTenant,
  type TestTenant,
  tokenFor,
} from '@candor/tenancy-testing';
import { apiError, type RunningApi, sdkClient, startApi } from '../support/api-process';

const FIXTURE = join(__dirname, '..', 'fixtures', 'hand-written.jsonl');
const WEEK = { granularity: 'WEEK' as const, date: '2026-03-02' };

type FindingNode = FindingsQuery['findings']['nodes'][number];

/**
 * What the issue calls done: a third party holding nothing but an API key and the published
 * schema (through the SDK generated from it) reads a scorecard and pages through findings.
 */
describe('a third party with an API key', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let storeId: string;
  let owner: CandorClient;
  let partner: CandorClient;

  beforeAll(async () => {
    api = await startApi({ GRAPHQL_COST_RESTORE_PER_SECOND: '100000' });
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 0 });
    const id = await addStore(ds, tenant, {
      externalId: 'smith-toyota',
      name: 'Smith Toyota',
      businessHours: DEALER_HOURS,
    });
    await importBundle(ds, tenant, { store: id, input: { kind: 'file', path: FIXTURE } });
    storeId = encodeId('Store', id);
    owner = sdkClient(api, tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens));
    const { createApiKey } = await owner.request(CreateApiKeyDocument, {
      input: { name: 'Dealer group BI', scopes: ['scorecards:read', 'findings:read'] },
    });
    partner = sdkClient(api, createApiKey.secret);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('reads the same scorecard the consultancy owner sees', async () => {
    const mine = await owner.request(StoreScorecardDocument, { storeId, period: WEEK });
    const theirs = await partner.request(StoreScorecardDocument, { storeId, period: WEEK });
    expect(theirs.storeScorecard.overall.score).not.toBeNull();
    expect(theirs.storeScorecard).toEqual(mine.storeScorecard);
  });

  it('pages through every finding exactly once, two at a time', async () => {
    const seen: FindingNode[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 50; page++) {
      const { findings }: FindingsQuery = await partner.request(FindingsDocument, {
        storeId,
        period: WEEK,
        first: 2,
        ...(after ? { after } : {}),
      });
      totalCount = findings.totalCount;
      expect(findings.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...findings.nodes);
      if (!findings.pageInfo.hasNextPage) break;
      after = findings.pageInfo.endCursor!;
    }
    expect(totalCount).toBeGreaterThan(2);
    expect(seen).toHaveLength(totalCount);
    expect(new Set(seen.map((f) => f.id)).size).toBe(totalCount);
    // One page of everything gives the same findings in the same order.
    const whole = await partner.request(FindingsDocument, { storeId, period: WEEK, first: 100 });
    expect(whole.findings.nodes).toEqual(seen);
    // Most carry the evidence ids a consultant shows the dealer as proof.
    expect(seen.some((f) => f.eventIds.length > 0 && f.leadId !== null)).toBe(true);
  });

  it('a key without findings:read reads the scorecard but gets FORBIDDEN for findings', async () => {
    const { createApiKey } = await owner.request(CreateApiKeyDocument, {
      input: { name: 'Scores only', scopes: ['scorecards:read'] },
    });
    const scoresOnly = sdkClient(api, createApiKey.secret);
    await expect(
      scoresOnly.request(StoreScorecardDocument, { storeId, period: WEEK }),
    ).resolves.toBeTruthy();
    const error = await apiError(scoresOnly.request(FindingsDocument, { storeId, period: WEEK }));
    expect(error.codes).toEqual(['FORBIDDEN']);
  });
});
