import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvidenceRecord, validateRecord } from '@candor/evidence-domain';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { importBundle } from '../import/bundle-import';
import { importRecords } from '../import/import-records';
import { storeWithExternalId } from '../testing/evidence-stores';
import { loadLeadEvidence } from './lead-evidence.repository';

const FIXTURE = join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures');

function record(value: Record<string, unknown>): EvidenceRecord {
  const result = validateRecord(value, 1);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
}

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort();

describe('loadLeadEvidence', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    storeA = await storeWithExternalId(ds, a.consultancyId, 'smith-toyota');
    await importBundle(ds, a, {
      store: 'smith-toyota',
      input: { kind: 'file', path: join(FIXTURE, 'hand-written.jsonl') },
    });
    // A repeat shopper: L4's customer comes back as L9 (phone written differently); a call
    // after that belongs to L9, so loading L4 must bring L9 along for the engine to see that.
    await importRecords(ds, a, {
      store: 'smith-toyota',
      source: 'crm-b',
      kind: 'webhook',
      rawPayload: { bytes: Buffer.from('{}'), contentType: 'application/json' },
      rejected: [],
      records: [
        record({
          type: 'lead',
          id: 'L9',
          storeId: 'smith-toyota',
          receivedAt: '2026-03-10T10:00:00-05:00',
          customer: { name: 'Evening Shopper', phones: ['312.555.9003 ext 4'] },
        }),
        record({
          type: 'activity',
          id: 'C9',
          storeId: 'smith-toyota',
          channel: 'call',
          direction: 'outbound',
          evidence: 'recorded',
          at: '2026-03-10T10:05:00-05:00',
          from: '+13125550100',
          to: '+1 312 555 9003',
        }),
        record({
          type: 'activity',
          id: 'E9',
          storeId: 'smith-toyota',
          channel: 'email',
          direction: 'outbound',
          evidence: 'recorded',
          at: '2026-03-04T10:00:00-06:00',
          from: 'sam@smithtoyota.com',
          to: ' Evening Shopper <L4@Example.ORG>',
        }),
      ],
    });
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it("reads one lead's own records, the profile and the store's users", async () => {
    const loaded = await runInTenant(ds, a, (tx) => loadLeadEvidence(tx, storeA, ['L1']));
    const e = loaded!.evidence;
    expect(e.storeId).toBe('smith-toyota');
    expect(e.store?.name).toBe('Smith Toyota');
    expect(ids(e.users)).toEqual(['u-dana', 'u-sam']);
    expect(ids(e.leads)).toEqual(['L1']);
    expect(ids(e.tasks)).toEqual(['T1']);
    expect(ids(e.activities)).toEqual(['C1', 'E1']);
    expect(ids(e.notes)).toEqual(['N1']);
    expect(ids(e.appointments)).toEqual(['A1']);
    expect(ids(e.statuses)).toEqual(['S1']);
    expect(ids(e.sales)).toEqual(['D1']);
    expect(loaded!.sourceOf(e.tasks[0]!)).toBe('bundle');
  });

  it('brings lead-less activities to the customer and later leads of the same customer', async () => {
    const loaded = await runInTenant(ds, a, (tx) => loadLeadEvidence(tx, storeA, ['L4']));
    const e = loaded!.evidence;
    // E4 and E9 by address, C4 and C9 by phone, however written; nobody else's calls.
    expect(ids(e.activities)).toEqual(['C4', 'C9', 'E4', 'E9']);
    expect(ids(e.leads)).toEqual(['L4', 'L9']);
    expect(ids(e.statuses)).toEqual(['S4']);
    expect(loaded!.sourceOf(e.leads.find((l) => l.id === 'L9')!)).toBe('crm-b');
  });

  it('batches several leads into one read', async () => {
    const loaded = await runInTenant(ds, a, (tx) => loadLeadEvidence(tx, storeA, ['L2', 'L3']));
    expect(ids(loaded!.evidence.leads)).toEqual(['L2', 'L3']);
    expect(ids(loaded!.evidence.tasks)).toEqual(['T2', 'T2b', 'T3']);
  });

  it('finds nothing for an unknown lead, and nothing of another tenant', async () => {
    const none = await runInTenant(ds, a, (tx) => loadLeadEvidence(tx, storeA, ['nope']));
    expect(none!.evidence.leads).toEqual([]);
    expect(none!.evidence.activities).toEqual([]);
    // B asking for A's store by its id sees no store at all (row-level security).
    expect(await runInTenant(ds, b, (tx) => loadLeadEvidence(tx, storeA, ['L1']))).toBeNull();
  });
});
