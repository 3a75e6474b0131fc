import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { findImportRun } from '../repositories/import-run.repository';
import { countRows, storeWithExternalId } from '../testing/evidence-stores';
import { importBundle } from './bundle-import';
import { runImportJob } from './import-job';

const TABLES = ['evidence_store_profile', 'evidence_user', 'evidence_lead', 'evidence_task'];
const MORE = ['evidence_activity', 'evidence_note', 'evidence_appointment', 'evidence_status'];

describe('interrupted imports and runImportJob', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;
  let dir: string;
  let file: string;
  let lines = 0;
  let externalId = '';

  const stored = async (consultancyId: string, storeId: string) => {
    let n = 0;
    for (const t of [...TABLES, ...MORE, 'evidence_sale']) {
      n += await countRows(ds, consultancyId, t, storeId);
    }
    return n;
  };

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    // Several 1 MiB input chunks, so batches are committed while the file is still being read.
    externalId = 'job-store';
    storeA = await storeWithExternalId(ds, a.consultancyId, externalId);
    await storeWithExternalId(ds, b.consultancyId, externalId);
    dir = mkdtempSync(join(tmpdir(), 'candor-job-'));
    file = join(dir, 'bundle.jsonl');
    const out = createWriteStream(file);
    const text = 'Called back about the trade-in; customer prefers evening calls. '.repeat(3);
    for (let i = 0; i < 20_000; i++) {
      const at = new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString();
      const lead = {
        type: 'lead',
        id: `L-${i}`,
        storeId: externalId,
        receivedAt: at,
        customer: { name: `Customer ${i}`, phones: ['+13125559876'] },
      };
      const note = { type: 'note', id: `N-${i}`, storeId: externalId, leadId: `L-${i}`, at, text };
      for (const r of [lead, note]) {
        lines++;
        if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, 'drain');
      }
    }
    out.end();
    await once(out, 'finish');
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ds.destroy();
  });

  it('a file import that stops midway is finished by runImportJob, each line exactly once', async () => {
    let runId = '';
    await expect(
      importBundle(ds, a, {
        store: storeA,
        batchLines: 500,
        input: { kind: 'file', path: file },
        onRun: (run) => (runId = run.id),
        onProgress: (p) => {
          if (p.committedLines > 0) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const stopped = await runInTenant(ds, a, (tx) => findImportRun(tx, runId));
    expect(stopped).toMatchObject({ status: 'running', error: 'simulated crash' });
    expect(stopped!.linesCommitted).toBeGreaterThan(0);
    expect(stopped!.linesCommitted).toBeLessThan(lines);
    expect(await stored(a.consultancyId, storeA)).toBeLessThan(lines);

    // Tenant B cannot run A's job.
    await expect(
      runImportJob(ds, { consultancyId: b.consultancyId, storeId: storeA, importRunId: runId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const report = await runImportJob(ds, {
      consultancyId: a.consultancyId,
      storeId: storeA,
      importRunId: runId,
    });
    expect(report).toMatchObject({ runId, status: 'completed', lines, accepted: lines });
    expect(report.resumedAfterLine).toBe(stopped!.linesCommitted);
    expect(report.duplicate + report.updated + report.rejected + report.blank).toBe(0);
    expect(await stored(a.consultancyId, storeA)).toBe(lines);

    // The archive holds the file exactly once, although two processes read it.
    const [archive] = await runInTenant(ds, a, (tx) =>
      tx.query<{ bytes: number; chunks: number }>(
        `SELECT sum(byte_length)::int AS bytes, count(*)::int AS chunks FROM raw_payload
         WHERE import_run_id = $1`,
        [runId],
      ),
    );
    let size = 0;
    for await (const c of createReadStream(file)) size += (c as Buffer).length;
    expect(archive!.bytes).toBe(size);
    expect(archive!.chunks).toBeGreaterThan(1);
  });

  it('a batch that fails while others are queued fails the import, without a hang', async () => {
    const doomed = await storeWithExternalId(ds, b.consultancyId, 'doomed-store');
    // Twelve batches are plenty (a worker of another test file may grade what lands here).
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .slice(0, 6_000)
      .join('\n')
      .replaceAll(`"storeId":"${externalId}"`, '"storeId":"doomed-store"');
    const path = join(dir, 'doomed.jsonl');
    writeFileSync(path, text);
    let deleted = false;
    const importing = importBundle(ds, b, {
      store: doomed,
      batchLines: 500,
      input: { kind: 'file', path },
      onProgress: (p) => {
        if (p.committedLines === 0 || deleted) return;
        deleted = true;
        // The store goes away mid-import: every later batch finds it gone.
        void runInTenant(ds, b, (tx) => tx.query('DELETE FROM store WHERE id = $1', [doomed]));
      },
    });
    await expect(importing).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(deleted).toBe(true);
    expect(await stored(b.consultancyId, doomed)).toBe(0);
  });

  it('a broken upload stream fails its run; the good batches before it stay', async () => {
    async function* broken(): AsyncGenerator<Buffer> {
      let sent = 0;
      for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
        yield chunk as Buffer;
        sent += (chunk as Buffer).length;
        if (sent > 2 * 1024 * 1024) throw new Error('connection reset');
      }
    }
    let runId = '';
    await expect(
      importBundle(ds, b, {
        store: externalId,
        batchLines: 500,
        source: 'upload-test',
        input: { kind: 'upload', stream: Readable.from(broken()), fileName: 'x.jsonl' },
        onRun: (run) => (runId = run.id),
      }),
    ).rejects.toThrow(/connection reset/);
    const run = await runInTenant(ds, b, (tx) => findImportRun(tx, runId));
    expect(run).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('connection reset'),
    });
    expect(run!.accepted).toBeGreaterThan(0);
  });
});
