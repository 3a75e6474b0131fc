import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadRecord } from '@candor/evidence-domain';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { importPipelineSink } from './import-pipeline.sink';

const lead = (storeId: string, id: string): LeadRecord => ({
  type: 'lead',
  id,
  line: 1,
  raw: null,
  storeId,
  receivedAt: Date.parse('2026-03-02T15:00:00Z'),
  requestedAt: null,
  source: 'cars.com',
  kind: 'internet',
  assignedTo: null,
  customer: { name: 'Pat Example', emails: ['pat@example.org'], phones: [] },
  vehicle: null,
  comments: null,
});

describe('the import-pipeline evidence sink', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 1 });
    b = await newTenant(ds, { stores: 1 });
  });
  afterAll(() => ds?.destroy());

  const page = (t: TestTenant, ids: string[]) => ({
    storeId: t.storeIds[0]!,
    storeExternalId: t.storeExternalIds[0]!,
    source: 'fake',
    records: ids.map((id) => lead(t.storeExternalIds[0]!, id)),
    rejected: [{ location: 'call 9', field: 'start_time', reason: 'is not a date' }],
    raw: '{"calls":[]}',
  });

  it('imports a page once, reports the touched leads, and nothing the second time', async () => {
    const sink = importPipelineSink(ds);
    const first = await sink.importPage(a, page(a, ['L-1', 'L-2']));
    expect(first).toMatchObject({ accepted: 2, rejected: 1, affectedLeadIds: ['L-1', 'L-2'] });
    const again = await sink.importPage(a, page(a, ['L-1', 'L-2']));
    expect(again).toMatchObject({ accepted: 0, affectedLeadIds: [] });
  });

  it("cannot import into another tenant's store", async () => {
    const sink = importPipelineSink(ds);
    await expect(sink.importPage(b, page(a, ['L-9']))).rejects.toThrow(/not found/);
  });
});
