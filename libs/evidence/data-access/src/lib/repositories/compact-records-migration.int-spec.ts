import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDataSource,
  revertLastMigration,
  runInTenant,
  runMigrations,
} from '@candor/platform-database';
import {
  createTestDatabase,
  dropTestDatabase,
  type TestDatabase,
  testDatabase,
} from '@candor/platform-testing';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import { importBundle } from '../import/bundle-import';
import { EVIDENCE_TABLES } from '../sql/evidence-tables';
import { storeWithExternalId } from '../testing/evidence-stores';
import {
  HAND_WRITTEN,
  handWrittenRecords,
  recordsOf,
  sortedByKey,
} from '../testing/fixture-records';
import { loadStoreEvidence } from './evidence-read.repository';

const LINES = readFileSync(HAND_WRITTEN, 'utf8').trimEnd().split('\n');
const EXPECTED = handWrittenRecords();

/** Migration 1500 (compact stored records) on a database of its own: it is reverted here. */
describe('the compact-records migration', () => {
  let own: TestDatabase;
  let ds: DataSource;
  let a: TestTenant;
  let store: string;
  let dir: string;

  const storedRecords = () =>
    runInTenant(ds, a, async (tx) => {
      const rows: Record<string, unknown>[] = [];
      for (const t of EVIDENCE_TABLES) {
        const found = await tx.query<{ record: Record<string, unknown> }>(
          `SELECT record FROM ${t.table} WHERE store_id = $1`,
          [store],
        );
        rows.push(...found.map((r) => r.record));
      }
      return rows;
    });
  const revision = async () =>
    (
      await runInTenant(ds, a, (tx) =>
        tx.query<{ record: Record<string, unknown> }>(
          `SELECT record FROM evidence_revision WHERE store_id = $1`,
          [store],
        ),
      )
    ).map((r) => r.record);

  beforeAll(async () => {
    own = await createTestDatabase(testDatabase().adminUrl);
    ds = await createDataSource({ url: own.appUrl, poolSize: 2 }).initialize();
    a = await newTenant(ds, { stores: 0 });
    store = await storeWithExternalId(ds, a.consultancyId, 'smith-toyota');
    dir = mkdtempSync(join(tmpdir(), 'candor-compact-'));
    const file = join(dir, 'bundle.jsonl');
    writeFileSync(file, `${LINES.join('\n')}\n`);
    await importBundle(ds, a, { store, input: { kind: 'file', path: file } });
    // T3 changed in storage, so the re-import puts it back and files that version as a revision.
    await runInTenant(ds, a, (tx) =>
      tx.query(
        `UPDATE evidence_task SET record = record || '{"completedAt": 1774000000000}'
         WHERE store_id = $1 AND external_id = 'T3'`,
        [store],
      ),
    );
    await importBundle(ds, a, { store, input: { kind: 'file', path: file } });
  });

  afterAll(async () => {
    await ds?.destroy();
    if (own) await dropTestDatabase(own);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores records compact: no type, store, line or top-level nulls', async () => {
    const stored = await storedRecords();
    expect(stored).toHaveLength(LINES.length);
    for (const r of [...stored, ...(await revision())]) {
      expect(r).not.toHaveProperty('type');
      expect(r).not.toHaveProperty('storeId');
      expect(r).not.toHaveProperty('line');
      expect(Object.values(r)).not.toContain(null);
    }
    expect(await revision()).toEqual([expect.objectContaining({ completedAt: 1774000000000 })]);
  });

  it('reverted, writes every record whole again, as the reader before it read them', async () => {
    await revertLastMigration(own.ownerUrl);
    expect(sortedByKey(await storedRecords())).toEqual(EXPECTED);
    expect(await revision()).toEqual([
      expect.objectContaining({ type: 'task', id: 'T3', storeId: 'smith-toyota', line: 0 }),
    ]);
    expect(Object.values((await revision())[0]!)).toContain(null);
  });

  it('applied to whole records, compacts them: read back the same, a re-import changes nothing', async () => {
    await runMigrations(own.ownerUrl);
    const evidence = await runInTenant(ds, a, (tx) => loadStoreEvidence(tx, store));
    expect(recordsOf(evidence!)).toEqual(EXPECTED);
    for (const r of await storedRecords()) expect(Object.values(r)).not.toContain(null);
    const file = join(dir, 'bundle.jsonl');
    const again = await importBundle(ds, a, { store, input: { kind: 'file', path: file } });
    expect(again).toMatchObject({ accepted: 0, updated: 0, duplicate: LINES.length });
  });
});
