import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandStoredRecord } from '@candor/evidence-domain';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { loadStoreEvidence } from '../repositories/evidence-read.repository';
import { payloadChunks } from '../repositories/raw-payload.repository';
import { countRows, storeWithExternalId } from '../testing/evidence-stores';
import { HAND_WRITTEN, handWrittenRecords, recordsOf } from '../testing/fixture-records';
import { importBundle } from './bundle-import';

const FIXTURE = HAND_WRITTEN;
const EVIDENCE = [
  'evidence_store_profile',
  'evidence_user',
  'evidence_lead',
  'evidence_task',
  'evidence_activity',
  'evidence_note',
  'evidence_appointment',
  'evidence_status',
  'evidence_sale',
];

describe('importBundle (real PostgreSQL, two tenants)', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;
  let storeB: string;
  let dir: string;

  const totalRows = async (consultancyId: string, storeId?: string) => {
    let n = 0;
    for (const t of EVIDENCE) n += await countRows(ds, consultancyId, t, storeId);
    return n;
  };
  const write = (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    storeA = await storeWithExternalId(ds, a.consultancyId, 'smith-toyota');
    storeB = await storeWithExternalId(ds, b.consultancyId, 'smith-toyota');
    dir = mkdtempSync(join(tmpdir(), 'candor-import-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
  });

  it('imports a bundle and reads it back record for record', async () => {
    const report = await importBundle(ds, a, {
      store: 'smith-toyota',
      input: { kind: 'file', path: FIXTURE },
    });
    expect(report).toMatchObject({ status: 'completed', lines: 31, accepted: 31, updated: 0 });
    expect(report.duplicate + report.rejected + report.blank).toBe(0);
    expect(await totalRows(a.consultancyId, storeA)).toBe(31);

    const stored = await runInTenant(ds, a, (tx) => loadStoreEvidence(tx, storeA));
    expect(stored!.storeId).toBe('smith-toyota');
    expect(stored!.store?.name).toBe('Smith Toyota');
    expect(stored!.leads.map((l) => l.id)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L6', 'L5']);
    // Every field of every record as validated from the file, nulls included (storage leaves
    // them out), with line 0.
    expect(recordsOf(stored!)).toEqual(handWrittenRecords());
    // (test/api/evidence-grading.e2e-spec.ts grades it against the file itself.)
  });

  it('a bundle split over many batches is stored record for record', async () => {
    // Batches of 3 lines: 11 batches, each staged in buffers the ones before it sent.
    const c = await newTenant(ds, { stores: 0 });
    const storeC = await storeWithExternalId(ds, c.consultancyId, 'smith-toyota');
    const report = await importBundle(ds, c, {
      store: storeC,
      batchLines: 3,
      input: { kind: 'file', path: FIXTURE },
    });
    expect(report).toMatchObject({ status: 'completed', lines: 31, accepted: 31 });
    const stored = await runInTenant(ds, c, (tx) => loadStoreEvidence(tx, storeC));
    expect(recordsOf(stored!)).toEqual(handWrittenRecords());
  });

  it('re-importing the same data is a no-op', async () => {
    const again = await importBundle(ds, a, {
      store: storeA,
      input: { kind: 'file', path: FIXTURE },
    });
    expect(again).toMatchObject({ lines: 31, accepted: 0, updated: 0, duplicate: 31 });
    expect(await totalRows(a.consultancyId, storeA)).toBe(31);
    expect(await countRows(ds, a.consultancyId, 'evidence_revision')).toBe(0);
  });

  it('a changed record updates in place and keeps its previous version', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const i = lines.findIndex((l) => l.includes('"type":"task"') && l.includes('"id":"T3"'));
    const task = JSON.parse(lines[i]!) as Record<string, unknown>;
    expect(task['completedAt']).toBeUndefined();
    task['completedAt'] = '2026-03-20T10:00:00-05:00';
    lines[i] = JSON.stringify(task);
    const changed = write('changed.jsonl', `${lines.join('\n')}\n`);

    const report = await importBundle(ds, a, {
      store: storeA,
      input: { kind: 'file', path: changed },
    });
    expect(report).toMatchObject({ lines: 31, accepted: 0, updated: 1, duplicate: 30 });

    const [row] = await runInTenant(ds, a, (tx) =>
      tx.query<{ version: number; completed: string; lead: string }>(
        `SELECT version, completed_at::text AS completed, lead_external_id AS lead
         FROM evidence_task WHERE store_id = $1 AND external_id = 'T3'`,
        [storeA],
      ),
    );
    expect(row!.version).toBe(2);
    expect(new Date(row!.completed).getTime()).toBe(Date.parse('2026-03-20T10:00:00-05:00'));
    const history = await runInTenant(ds, a, (tx) =>
      tx.query<{ version: number; record: Record<string, unknown> }>(
        `SELECT version, record FROM evidence_revision WHERE external_id = 'T3'`,
      ),
    );
    // The previous version, in its stored form: T3 was not completed then.
    expect(history.map((h) => h.version)).toEqual([1]);
    const previous = expandStoredRecord('task', 'smith-toyota', history[0]!.record);
    expect(previous).toMatchObject({ type: 'task', id: 'T3', completedAt: null });
    expect(previous).toMatchObject({ dueAt: expect.any(Number) });
    const queued = await runInTenant(ds, a, (tx) =>
      tx.query<{ lead: string }>(
        `SELECT lead_external_id AS lead FROM lead_regrade_queue
         WHERE store_id = $1 AND import_run_id = $2`,
        [storeA, report.runId],
      ),
    );
    expect(queued).toEqual([{ lead: row!.lead }]);
  });

  it('reports each rejected line with line, field and reason and keeps the good lines', async () => {
    const good = readFileSync(FIXTURE, 'utf8').trimEnd().split('\n');
    const bad = [
      good[0]!,
      '{"type":"lead","id":"X1","storeId":"smith-toyota","customer":{}}',
      '{not json',
      '',
      '{"type":"note","id":"N-other","storeId":"other-store","leadId":"L1","at":"2026-03-03T10:00:00Z","text":"hi"}',
      '{"type":"note","id":"N-new","storeId":"smith-toyota","leadId":"L1","at":"2026-03-03T10:00:00Z","text":"new"}',
      good[1]!,
    ];
    const path = write('bad.jsonl', `${bad.join('\n')}\n`);
    const report = await importBundle(ds, b, {
      store: 'smith-toyota',
      input: { kind: 'file', path },
    });
    expect(report).toMatchObject({ lines: 7, accepted: 3, rejected: 3, blank: 1, duplicate: 0 });
    expect(report.rejections).toEqual([
      { line: 2, field: 'receivedAt', reason: 'is required' },
      { line: 3, field: '(line)', reason: expect.stringContaining('is not valid JSON') },
      { line: 5, field: 'storeId', reason: expect.stringContaining('"other-store"') },
    ]);
    expect(await totalRows(b.consultancyId, storeB)).toBe(3);
  });

  it('archives the exact bytes received, gzip input included', async () => {
    const gz = write('bundle.jsonl.gz', gzipSync(readFileSync(FIXTURE)));
    const report = await importBundle(ds, b, {
      store: storeB,
      input: { kind: 'file', path: gz },
      source: 'gz-test',
    });
    expect(report).toMatchObject({ lines: 31, accepted: 31 });
    const parts: Buffer[] = [];
    for await (const chunk of payloadChunks(ds, b, report.runId)) parts.push(chunk);
    expect(Buffer.concat(parts).equals(readFileSync(gz))).toBe(true);
  });

  it('stores every instant to the millisecond, at both ends of the accepted years', async () => {
    const instants = [
      '2000-01-01T00:00:00.000Z',
      '2000-01-01T00:00:00.001Z',
      '2026-03-08T07:59:59.999Z',
      '2038-01-19T03:14:08.123Z',
      '2100-12-31T23:59:59.999Z',
    ];
    const lines = instants.map((at, i) =>
      JSON.stringify({
        type: 'lead',
        id: `T-${i}`,
        storeId: 'smith-toyota',
        receivedAt: at,
        source: 'cars.com',
        customer: { name: 'Time Check', phones: ['+13125550000'] },
      }),
    );
    const report = await importBundle(ds, b, {
      store: storeB,
      input: { kind: 'file', path: write('instants.jsonl', `${lines.join('\n')}\n`) },
      source: 'instants',
    });
    expect(report).toMatchObject({ accepted: instants.length, rejected: 0 });
    const rows = await runInTenant(ds, b, (tx) =>
      tx.query<{ id: string; ms: string }>(
        `SELECT external_id AS id, (extract(epoch FROM received_at) * 1000)::bigint::text AS ms
         FROM evidence_lead WHERE store_id = $1 AND source = 'instants' ORDER BY external_id`,
        [storeB],
      ),
    );
    expect(rows.map((r) => new Date(Number(r.ms)).toISOString())).toEqual(instants);
  });

  it("keeps tenants apart: B neither sees nor writes A's evidence", async () => {
    expect(await totalRows(b.consultancyId, storeA)).toBe(0);
    expect(await countRows(ds, b.consultancyId, 'import_run', storeA)).toBe(0);
    expect(await countRows(ds, b.consultancyId, 'raw_payload', storeA)).toBe(0);
    expect(await runInTenant(ds, b, (tx) => loadStoreEvidence(tx, storeA))).toBeNull();
    await expect(
      importBundle(ds, b, { store: storeA, input: { kind: 'file', path: FIXTURE } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      runInTenant(ds, b, (tx) =>
        tx.query(
          `INSERT INTO evidence_note (consultancy_id, store_id, source, external_id, lead_external_id, at, record)
           VALUES ($1, $2, 'bundle', 'N-x', 'L1', now(), '{}')`,
          [a.consultancyId, storeA],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await totalRows(a.consultancyId, storeA)).toBe(31);
  });
});
