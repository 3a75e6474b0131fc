import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '@candor/evidence-data-access';
import { encodeId, encodeKeyId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import {
  addStore,
  DEALER_HOURS,
  newMember,
  newTenant,
  type TestTenant,
  tokenFor,
} from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const FIXTURE = join(__dirname, '..', 'fixtures', 'hand-written.jsonl');

const LEAD = `query($id: ID!) { lead(id: $id) {
  id externalId provider kind receivedAt clockStopped genuineAttempts trueResponseMin crmResponseMin
  firstGenuineAttemptAt firstCrmResponseAt sold status
  store { id externalId name }
  customer { name phones emails }
  assignedAgent { id crmUserId name }
  timeline {
    eventId at kind source summary
    actor { id crmUserId name }
    claim { status backedBy backedByGapMin stopsClock gapMin comment fillerComment }
    attempt { channel connected corroborates }
    task { type completedAt comment }
    activity { channel evidence linkedBy outcome transcriptExcerpt }
  }
} }`;

interface Entry {
  eventId: string;
  at: string;
  kind: string;
  source: string | null;
  summary: string;
  actor: { id: string; crmUserId: string; name: string | null } | null;
  claim: {
    status: string;
    backedBy: string | null;
    backedByGapMin: number | null;
    stopsClock: boolean;
    gapMin: number | null;
    comment: string | null;
    fillerComment: boolean;
  } | null;
  attempt: { channel: string; connected: boolean; corroborates: string | null } | null;
  task: { type: string; completedAt: string | null; comment: string | null } | null;
  activity: { channel: string; evidence: string; linkedBy: string } | null;
}
interface LeadView {
  id: string;
  externalId: string;
  clockStopped: boolean;
  store: { id: string; externalId: string; name: string };
  assignedAgent: { id: string; crmUserId: string; name: string | null } | null;
  timeline: Entry[];
  [field: string]: unknown;
}

/** A store with the fixture's external id, holding the fixture. */
async function smithToyota(ds: DataSource, tenant: TestTenant): Promise<string> {
  const id = await addStore(ds, tenant, {
    externalId: 'smith-toyota',
    name: 'Smith Toyota',
    businessHours: DEALER_HOURS,
  });
  const report = await importBundle(ds, tenant, {
    store: id,
    input: { kind: 'file', path: FIXTURE },
  });
  expect(report.rejected).toBe(0);
  return id;
}

describe('lead(id): a lead’s evidence and the verdict on each claim', () => {
  let api: RunningApi;
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;
  let storeB: string;
  const tokens: Record<string, string> = {};
  const leadId = (store: string, id: string) => encodeKeyId('Lead', [store, id]);
  const lead = (token: string, id: string) => gql<{ lead: LeadView }>(api, token, LEAD, { id });

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 0 });
    storeA = await smithToyota(ds, a);
    storeB = await smithToyota(ds, b);
    const member = async (
      role: 'dealer_agent' | 'dealer_manager' | 'consultant',
      stores: string[],
    ) => tokenFor(await newMember(ds, a.consultancyId, role, stores), a.consultancyId, api.tokens);
    tokens.owner = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    tokens.ownerB = tokenFor(b.ownerId, b.consultancyId, api.tokens);
    tokens.manager = await member('dealer_manager', [storeA]);
    tokens.elsewhere = await member('consultant', [a.storeIds[0]!]);
    const linked = async (crmUserId: string) => {
      const userId = await newMember(ds, a.consultancyId, 'dealer_agent', [storeA]);
      const res = await gql(
        api,
        tokens.owner!,
        `mutation($i: LinkAgentIdentityInput!) { linkAgentIdentity(input: $i) { id } }`,
        { i: { userId: encodeId('User', userId), storeId: encodeId('Store', storeA), crmUserId } },
      );
      expect(res.errors).toBeUndefined();
      return tokenFor(userId, a.consultancyId, api.tokens);
    };
    tokens.dana = await linked('u-dana');
    tokens.sam = await linked('u-sam');
    tokens.unlinked = await member('dealer_agent', [storeA]);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it("shows L1's call task, done 2 min in with 'sc', as the claim that stopped the clock", async () => {
    const res = await lead(tokens.owner!, leadId(storeA, 'L1'));
    expect(res.errors).toBeUndefined();
    const l1 = res.data!.lead;
    expect(l1).toMatchObject({
      id: leadId(storeA, 'L1'),
      externalId: 'L1',
      provider: 'cars.com',
      kind: 'internet',
      receivedAt: '2026-03-02T15:14:00.000Z',
      clockStopped: true,
      genuineAttempts: 2,
      trueResponseMin: 41,
      crmResponseMin: 2,
      firstCrmResponseAt: '2026-03-02T15:16:00.000Z',
      firstGenuineAttemptAt: '2026-03-02T15:55:00.000Z',
      sold: true,
      status: 'sold',
      store: { id: encodeId('Store', storeA), externalId: 'smith-toyota', name: 'Smith Toyota' },
      customer: { name: 'Pat Example', phones: ['+13125559876'], emails: ['pat@example.org'] },
      assignedAgent: {
        id: encodeKeyId('Agent', [storeA, 'u-dana']),
        crmUserId: 'u-dana',
        name: 'Dana Reyes',
      },
    });
    const task = l1.timeline.find((e) => e.eventId === 'T1')!;
    expect(task).toMatchObject({
      kind: 'TASK',
      at: '2026-03-02T15:16:00.000Z',
      source: 'bundle',
      actor: { crmUserId: 'u-dana', name: 'Dana Reyes' },
      task: { type: 'call', comment: 'sc' },
      claim: {
        status: 'UNCORROBORATED',
        backedBy: null,
        stopsClock: true,
        gapMin: 39,
        comment: 'sc',
        fillerComment: true,
      },
    });
    expect(task.summary).toContain('no recorded call within 10 min');
    // The first real attempt, 41 minutes in, is a genuine call that backs no claim.
    expect(l1.timeline.find((e) => e.eventId === 'C1')).toMatchObject({
      kind: 'ACTIVITY',
      claim: null,
      attempt: { channel: 'call', connected: false, corroborates: null },
      activity: { channel: 'call', evidence: 'recorded', linkedBy: 'LEAD_ID' },
    });
  });

  it('lists every record of the lead in time order', async () => {
    const l1 = (await lead(tokens.owner!, leadId(storeA, 'L1'))).data!.lead;
    expect(l1.timeline.map((e) => `${e.kind} ${e.eventId}`)).toEqual([
      'LEAD L1',
      'TASK T1',
      'ACTIVITY C1',
      'ACTIVITY E1',
      'NOTE N1',
      'APPOINTMENT A1',
      'STATUS S1',
      'SALE D1',
    ]);
    const times = l1.timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });

  it('names the call that corroborates a claim', async () => {
    const l2 = (await lead(tokens.owner!, leadId(storeA, 'L2'))).data!.lead;
    expect(l2.clockStopped).toBe(false);
    expect(l2.timeline.find((e) => e.eventId === 'T2')!.claim).toMatchObject({
      status: 'CORROBORATED',
      backedBy: 'C2',
      backedByGapMin: 1,
      stopsClock: false,
    });
    expect(l2.timeline.find((e) => e.eventId === 'C2')!.attempt).toEqual({
      channel: 'call',
      connected: true,
      corroborates: 'T2',
    });
  });

  it('includes activities tied to the lead only by phone or e-mail', async () => {
    const l4 = (await lead(tokens.owner!, leadId(storeA, 'L4'))).data!.lead;
    expect(
      l4.timeline
        .filter((e) => e.kind === 'ACTIVITY')
        .map((e) => [e.eventId, e.activity!.linkedBy, e.actor?.crmUserId]),
    ).toEqual([
      ['E4', 'EMAIL', 'u-sam'],
      ['C4', 'PHONE', 'u-sam'],
    ]);
  });

  it('keeps another tenant out, even with a store of the same name and the same evidence', async () => {
    expect(errorCodes(await lead(tokens.ownerB!, leadId(storeA, 'L1')))).toEqual(['NOT_FOUND']);
    const own = await lead(tokens.ownerB!, leadId(storeB, 'L1'));
    expect(own.data!.lead.store.id).toBe(encodeId('Store', storeB));
    expect(errorCodes(await lead(tokens.owner!, leadId(storeB, 'L1')))).toEqual(['NOT_FOUND']);
  });

  it('is NOT_FOUND for a store the caller is not assigned, or a lead that does not exist', async () => {
    expect(errorCodes(await lead(tokens.elsewhere!, leadId(storeA, 'L1')))).toEqual(['NOT_FOUND']);
    expect((await lead(tokens.manager!, leadId(storeA, 'L1'))).errors).toBeUndefined();
    expect(errorCodes(await lead(tokens.owner!, leadId(storeA, 'L404')))).toEqual(['NOT_FOUND']);
  });

  it('shows a dealer agent only the leads assigned to their CRM user ids', async () => {
    const dana = await lead(tokens.dana!, leadId(storeA, 'L1'));
    expect(dana.errors).toBeUndefined();
    expect(dana.data!.lead.assignedAgent!.crmUserId).toBe('u-dana');
    expect(errorCodes(await lead(tokens.sam!, leadId(storeA, 'L1')))).toEqual(['NOT_FOUND']);
    expect((await lead(tokens.sam!, leadId(storeA, 'L4'))).data!.lead.externalId).toBe('L4');
    expect(errorCodes(await lead(tokens.unlinked!, leadId(storeA, 'L4')))).toEqual(['NOT_FOUND']);
  });

  it('says a malformed id is bad input', async () => {
    for (const id of ['nope', encodeId('Store', storeA), encodeKeyId('Lead', ['x', 'L1'])]) {
      const res = await lead(tokens.owner!, id);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message).toBe('id: not a valid Lead id');
    }
  });
});
