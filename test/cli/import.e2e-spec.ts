import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import { demoManifest, generateDemoEvidence, toBundleLine } from '@candor/scoring-demo-data';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { CANDOR, ROOT, removeTempDirs, tempDir } from '../support/run-cli';

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

const CLOSED = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

interface Report {
  runId: string;
  resumedAfterLine: number;
  lines: number;
  accepted: number;
  updated: number;
  duplicate: number;
  rejected: number;
  blank: number;
}

/** `candor <args>` against the test run's database as the app role. */
function candor(args: string[]): ChildProcess {
  return spawn(CANDOR, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: testDatabase().appUrl, DATABASE_OWNER_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function finished(
  child: ChildProcess,
): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, out, err };
}

describe('candor import', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let storeA: string;
  let bundle: string;
  let lines = 0;

  const rows = async (consultancyId: string, storeId: string) => {
    let total = 0;
    await runInTenant(ds, { consultancyId }, async (tx) => {
      for (const t of EVIDENCE) {
        const [r] = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${t} WHERE store_id = $1`,
          [storeId],
        );
        total += r!.n;
      }
    });
    return total;
  };

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 1 });
    // ~150k lines: enough batches of 500 that the import is still running when it is killed.
    const options = { stores: 1, days: 100, seed: 7, leadsPerStorePerDay: 60 };
    const store = demoManifest(options).stores[0]!;
    storeA = (
      await runInTenant(ds, a, (tx) =>
        tx.query<{ id: string }>(
          `INSERT INTO store (consultancy_id, external_id, name, time_zone, business_hours)
           VALUES ($1, $2, 'Demo', $3, $4) RETURNING id`,
          [a.consultancyId, store.storeId, store.timeZone, JSON.stringify(CLOSED)],
        ),
      )
    )[0]!.id;
    bundle = join(tempDir('candor-import-e2e-'), 'demo.jsonl');
    const out = createWriteStream(bundle);
    for (const record of generateDemoEvidence(options)) {
      lines++;
      if (!out.write(`${toBundleLine(record, store.timeZone)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }, 120_000);

  afterAll(async () => {
    removeTempDirs();
    await ds.destroy();
  });

  it('a killed import, run again, ends with every line imported exactly once', async () => {
    const args = ['import', '--consultancy', a.consultancyId, '--store', storeA, '--batch', '500'];
    const first = candor([...args, bundle]);
    const firstExit = finished(first);
    // Wait (by polling the database) until at least one batch is committed, then kill -9.
    let committed = 0;
    while (committed === 0 && first.exitCode === null) {
      const [run] = await runInTenant(ds, a, (tx) =>
        tx.query<{ n: number }>('SELECT lines_committed AS n FROM import_run WHERE store_id = $1', [
          storeA,
        ]),
      );
      committed = run?.n ?? 0;
      if (committed === 0) await new Promise((r) => setTimeout(r, 20));
    }
    first.kill('SIGKILL');
    const killed = await firstExit;
    expect(killed.code).toBeNull(); // killed, not finished
    const [interrupted] = await runInTenant(ds, a, (tx) =>
      tx.query<{ status: string; n: number }>(
        'SELECT status, lines_committed AS n FROM import_run WHERE store_id = $1',
        [storeA],
      ),
    );
    expect(interrupted!.status).toBe('running');
    expect(interrupted!.n).toBeGreaterThan(0);
    expect(interrupted!.n).toBeLessThan(lines);
    const partial = await rows(a.consultancyId, storeA);
    expect(partial).toBeLessThan(lines);

    const second = await finished(candor([...args, '--format', 'json', bundle]));
    expect(second.code, second.err).toBe(0);
    const report = JSON.parse(second.out) as Report;
    expect(report.resumedAfterLine).toBeGreaterThanOrEqual(interrupted!.n);
    expect(report.lines).toBe(lines);
    expect(
      report.accepted + report.duplicate + report.updated + report.rejected + report.blank,
    ).toBe(lines);
    // The demo bundle is clean and has no repeats: every line is one new record, stored once.
    expect(report).toMatchObject({ accepted: lines, duplicate: 0, updated: 0, rejected: 0 });
    expect(await rows(a.consultancyId, storeA)).toBe(lines);
    const runs = await runInTenant(ds, a, (tx) =>
      tx.query<{ status: string }>('SELECT status FROM import_run WHERE store_id = $1', [storeA]),
    );
    expect(runs).toEqual([{ status: 'completed' }]);

    // Running it once more is a no-op reported as duplicates.
    const third = await finished(candor([...args, '--format', 'json', bundle]));
    expect(third.code, third.err).toBe(0);
    expect(JSON.parse(third.out)).toMatchObject({ lines, accepted: 0, duplicate: lines });
    expect(await rows(a.consultancyId, storeA)).toBe(lines);
    // The other consultancy sees none of it.
    expect(await rows(b.consultancyId, storeA)).toBe(0);
  }, 300_000);

  it("cannot import into another consultancy's store", async () => {
    const res = await finished(
      candor(['import', '--consultancy', b.consultancyId, '--store', storeA, bundle]),
    );
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/Store .* not found/);
  });

  it('explains bad arguments with exit code 2', async () => {
    const res = await finished(candor(['import', '--consultancy', a.consultancyId, bundle]));
    expect(res.code).toBe(2);
    expect(res.err).toContain('--store is required');
    const missing = await finished(
      candor(['import', '--consultancy', a.consultancyId, '--store', storeA, 'nope.jsonl']),
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.jsonl: no such file');
  });
});
