import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importBundle, importRecords } from '@candor/evidence-data-access';
import { type EvidenceRecord, validateRecord } from '@candor/evidence-domain';
import type { TenantContext } from '@candor/platform-auth';
import { TenantDb, TenantTransaction } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { addStore, newTenant, type TestTenant } from '@candor/tenancy-testing';
import { DEFAULT_LEAD_POLICY } from '../lead-policy';
import { LeadLoader } from './lead.loader';

const FIXTURE = join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures');

async function storeWithFixture(ds: DataSource, tenant: TestTenant): Promise<string> {
  const id = await addStore(ds, tenant, { externalId: 'smith-toyota', name: 'Smith Toyota' });
  await importBundle(ds, tenant, {
    store: id,
    input: { kind: 'file', path: join(FIXTURE, 'hand-written.jsonl') },
  });
  return id;
}

function record(value: Record<string, unknown>): EvidenceRecord {
  const result = validateRecord({ storeId: 'smith-toyota', ...value }, 1);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
}

describe('LeadLoader', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;
  let storeB: string;
  let loader: LeadLoader;
  const owner = (t: TestTenant): TenantContext => ({
    userId: t.ownerId,
    consultancyId: t.consultancyId,
    role: 'consultancy_owner',
    stores: { all: true },
  });

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    storeA = await storeWithFixture(ds, a);
    storeB = await storeWithFixture(ds, b);
    loader = new LeadLoader(new TenantDb(ds), DEFAULT_LEAD_POLICY);
  });

  it("gives a repeat shopper's later call to their later lead, not to the one asked for", async () => {
    await importRecords(ds, a, {
      store: storeA,
      source: 'crm-b',
      kind: 'webhook',
      rawPayload: { bytes: Buffer.from('{}'), contentType: 'application/json' },
      rejected: [],
      records: [
        record({
          type: 'lead',
          id: 'L9',
          receivedAt: '2026-03-10T10:00:00-05:00',
          assignedTo: 'u-sam',
          customer: { name: 'Evening Shopper', phones: ['(312) 555-9003'] },
        }),
        record({
          type: 'activity',
          id: 'C9',
          channel: 'call',
          direction: 'outbound',
          evidence: 'recorded',
          at: '2026-03-10T10:05:00-05:00',
          from: '+13125550100',
          to: '+1 312 555 9003',
        }),
      ],
    });
    const ctx = owner(a);
    const activities = async (id: string) =>
      (await loader.load(ctx, storeA, id))!.timeline
        .filter((e) => e.kind === 'activity')
        .map((e) => `${e.eventId} ${e.activity!.linkedBy}`);
    expect(await activities('L4')).toEqual(['E4 email', 'C4 phone']);
    expect(await activities('L9')).toEqual(['C9 phone']);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  afterAll(async () => {
    await ds.destroy();
  });

  // One statement reads the store's leads, one its versioned policy.
  it('reads the leads one tick asks for with two statements per store', async () => {
    const statements = vi.spyOn(TenantTransaction.prototype, 'query');
    const ctx = owner(a);
    const leads = await Promise.all(
      ['L1', 'L2', 'L4', 'L404'].map((id) => loader.load(ctx, storeA, id)),
    );
    expect(leads.map((l) => l?.externalId ?? null)).toEqual(['L1', 'L2', 'L4', null]);
    expect(statements).toHaveBeenCalledTimes(2);
    // Asked again in the same request, the lead comes from the request's cache.
    expect((await loader.load(ctx, storeA, 'L1'))?.externalId).toBe('L1');
    expect(statements).toHaveBeenCalledTimes(2);
  });

  it('never serves one tenant from another tenant’s cache or rows', async () => {
    const ctxA = owner(a);
    expect(await loader.load(ctxA, storeA, 'L1')).not.toBeNull();
    expect(await loader.load(owner(b), storeA, 'L1')).toBeNull();
    expect((await loader.load(owner(b), storeB, 'L1'))?.id).not.toBe(
      (await loader.load(ctxA, storeA, 'L1'))?.id,
    );
  });

  it('gives a dealer agent only their own leads, and nothing at unassigned stores', async () => {
    const agent: TenantContext = {
      userId: randomUUID(),
      consultancyId: a.consultancyId,
      role: 'dealer_agent',
      stores: { all: false, ids: [storeA] },
      agent: { evidenceUserIds: { [storeA]: ['u-sam'] } },
    };
    const statements = vi.spyOn(TenantTransaction.prototype, 'query');
    const [l1, l3, l4] = await Promise.all(
      ['L1', 'L3', 'L4'].map((id) => loader.load(agent, storeA, id)),
    );
    expect([l1, l3?.externalId, l4?.externalId]).toEqual([null, 'L3', 'L4']);
    const away = { ...agent, stores: { all: false as const, ids: [] } };
    expect(await loader.load(away, storeA, 'L4')).toBeNull();
    // An invisible store is not even read (the two statements are store A's leads and policy).
    expect(statements).toHaveBeenCalledTimes(2);
  });
});
