import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { importBundle } from '../import/bundle-import';
import { EVIDENCE_TABLES } from '../sql/evidence-tables';
import { countRows, storeWithExternalId } from '../testing/evidence-stores';

const FIXTURE = join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures');
/** The tables whose policy reads the tenant once per statement (migration 1763900001400). */
const TABLES = [...EVIDENCE_TABLES.map((t) => t.table), 'evidence_revision', 'lead_regrade_queue'];
/** Revisions are never updated: the app role may not. */
const APPEND_ONLY = new Set(['evidence_revision']);

describe('tenant policy of the bulk-written evidence tables', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let dir: string;

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 0 });
    b = await newTenant(ds, { stores: 0 });
    const store = await storeWithExternalId(ds, a.consultancyId, 'smith-toyota');
    dir = mkdtempSync(join(tmpdir(), 'candor-policy-'));
    const fixture = join(FIXTURE, 'hand-written.jsonl');
    await importBundle(ds, a, { store, input: { kind: 'file', path: fixture } });
    // A changed task, so evidence_revision holds a row too.
    const changed = readFileSync(fixture, 'utf8').replace(
      /("type":"task","id":"T3"[^\n]*?)\}\n/,
      '$1,"completedAt":"2026-03-20T10:00:00-05:00"}\n',
    );
    const path = join(dir, 'changed.jsonl');
    writeFileSync(path, changed);
    expect((await importBundle(ds, a, { store, input: { kind: 'file', path } })).updated).toBe(1);
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ds?.destroy();
  });

  it.each(TABLES)("%s: B neither sees nor writes A's rows", async (table) => {
    expect(await countRows(ds, a.consultancyId, table)).toBeGreaterThan(0);
    expect(await countRows(ds, b.consultancyId, table)).toBe(0);
    const [row] = await runInTenant(ds, a, (tx) =>
      tx.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(t) AS row FROM ${table} t LIMIT 1`,
      ),
    );
    // A copy of A's row, under a new key, still naming A: B's insert must be refused.
    const copy = { ...row!.row };
    if ('external_id' in copy) copy['external_id'] = 'copied-by-b';
    if ('lead_external_id' in copy) copy['lead_external_id'] = 'copied-by-b';
    if ('id' in copy) delete copy['id'];
    const columns = Object.keys(copy).join(', ');
    await expect(
      runInTenant(ds, b, (tx) =>
        tx.query(
          `INSERT INTO ${table} (${columns})
           SELECT ${columns} FROM jsonb_populate_record(NULL::${table}, $1::jsonb)`,
          [JSON.stringify(copy)],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const update = runInTenant(ds, b, (tx) =>
      tx.query(`UPDATE ${table} SET consultancy_id = $1 RETURNING 1`, [b.consultancyId]),
    );
    if (APPEND_ONLY.has(table)) await expect(update).rejects.toThrow(/permission denied/);
    else expect(await update).toEqual([]);
    expect(await countRows(ds, a.consultancyId, table)).toBeGreaterThan(0);
  });

  it.each(TABLES)('%s: without a tenant, nothing is visible', async (table) => {
    const rows = await ds.transaction((m) =>
      m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`),
    );
    expect(rows[0]!.n).toBe(0);
  });
});
