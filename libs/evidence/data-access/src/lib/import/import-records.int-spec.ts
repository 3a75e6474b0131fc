import { gunzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvidenceRecord, validateRecord } from '@candor/evidence-domain';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { countRows, storeWithExternalId } from '../testing/evidence-stores';
import { importRecords } from './import-records';

function record(line: number, value: Record<string, unknown>): EvidenceRecord {
  const result = validateRecord(value, line);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record;
}

const lead = (id: string, storeId = 'adf-store') => ({
  type: 'lead',
  id,
  storeId,
  receivedAt: '2026-03-02T09:14:00-06:00',
  customer: { name: 'Pat', emails: ['pat@example.org'] },
});

describe('importRecords (connector endpoints and syncs)', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    storeA = await storeWithExternalId(ds, a.consultancyId, 'adf-store');
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it('archives the payload and upserts its records in one run', async () => {
    const bytes = Buffer.from('<adf><prospect>…</prospect></adf>');
    const report = await importRecords(ds, a, {
      store: 'adf-store',
      source: 'adf',
      kind: 'webhook',
      records: [
        record(1, lead('L-1')),
        record(2, lead('L-1')),
        record(3, lead('L-2', 'someone-else')),
      ],
      rawPayload: { bytes, contentType: 'application/xml' },
      rejected: [{ line: 4, field: 'requestdate', reason: 'is not a date' }],
    });
    expect(report).toMatchObject({
      status: 'completed',
      lines: 4,
      accepted: 1,
      duplicate: 1,
      rejected: 2,
    });
    expect(report.rejections.map((r) => [r.line, r.field])).toEqual([
      [3, 'storeId'],
      [4, 'requestdate'],
    ]);
    const [payload] = await runInTenant(ds, a, (tx) =>
      tx.query<{ kind: string; content: Buffer; type: string }>(
        `SELECT kind, content, content_type AS type FROM raw_payload WHERE import_run_id = $1`,
        [report.runId],
      ),
    );
    expect(payload!.kind).toBe('webhook');
    expect(payload!.type).toBe('application/xml');
    expect(gunzipSync(payload!.content).equals(bytes)).toBe(true);

    // The same lead from the same source again: a no-op. From another source: its own record.
    const again = await importRecords(ds, a, {
      store: storeA,
      source: 'adf',
      kind: 'webhook',
      records: [record(1, lead('L-1'))],
      rawPayload: { bytes, contentType: 'application/xml' },
    });
    expect(again).toMatchObject({ accepted: 0, duplicate: 1 });
    const other = await importRecords(ds, a, {
      store: storeA,
      source: 'elead',
      kind: 'sync',
      records: [record(1, lead('L-1'))],
      rawPayload: { bytes: Buffer.from('{}'), contentType: 'application/json' },
    });
    expect(other).toMatchObject({ accepted: 1 });
    expect(await countRows(ds, a.consultancyId, 'evidence_lead', storeA)).toBe(2);
  });

  it("cannot write into another consultancy's store, and deleting a store removes its evidence", async () => {
    await expect(
      importRecords(ds, b, {
        store: storeA,
        source: 'adf',
        kind: 'webhook',
        records: [record(1, lead('L-9'))],
        rawPayload: { bytes: Buffer.from('x'), contentType: 'text/plain' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await countRows(ds, b.consultancyId, 'evidence_lead')).toBe(0);
    expect(await countRows(ds, b.consultancyId, 'raw_payload')).toBe(0);

    await runInTenant(ds, a, (tx) => tx.query('DELETE FROM store WHERE id = $1', [storeA]));
    expect(await countRows(ds, a.consultancyId, 'evidence_lead')).toBe(0);
    expect(await countRows(ds, a.consultancyId, 'raw_payload')).toBe(0);
  });
});
