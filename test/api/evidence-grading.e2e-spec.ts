import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundle, loadStoreEvidence } from '@candor/evidence-data-access';
import { readBundleByStore } from '@candor/evidence-reader';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { grade } from '@candor/scoring';
import { addStore, newTenant, type TestTenant } from '@candor/tenancy-testing';

const FIXTURE = join(__dirname, '..', 'fixtures', 'hand-written.jsonl');
// The window of test/cli/grade.e2e-spec.ts: Mon 2 – Sun 8 March 2026, Chicago, as of the 16th.
const WINDOW = {
  from: Date.parse('2026-03-02T00:00:00-06:00'),
  to: Date.parse('2026-03-09T00:00:00-05:00'),
  asOf: Date.parse('2026-03-16T12:00:00-05:00'),
};

/**
 * Scorecards served by the API grade the evidence stored in PostgreSQL; they must equal what
 * grading the imported file directly gives, or imported stores would be graded differently
 * from `candor grade`.
 */
describe('stored evidence grades like the bundle it came from', () => {
  let ds: DataSource;
  let tenant: TestTenant;
  let storeId: string;

  beforeAll(async () => {
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 0 });
    storeId = await addStore(ds, tenant, { externalId: 'smith-toyota', name: 'Smith' });
  });

  afterAll(async () => {
    await ds.destroy();
  });

  it('import, load back, grade: the report equals grading the file', async () => {
    const report = await importBundle(ds, tenant, {
      store: 'smith-toyota',
      input: { kind: 'file', path: FIXTURE },
    });
    expect(report).toMatchObject({ lines: 31, accepted: 31, rejected: 0 });
    const stored = await runInTenant(ds, tenant, (tx) => loadStoreEvidence(tx, storeId));
    const { stores } = await readBundleByStore(FIXTURE);

    const fromFile = grade(stores.values(), { window: WINDOW });
    const fromDb = grade([stored!], { window: WINDOW });
    expect(fromDb).toEqual(fromFile);
    // Not two empty reports: the store was graded and has findings to coach from.
    expect(fromDb.stores[0]!.name).toBe('Smith Toyota');
    expect(fromDb.stores[0]!.findings.length).toBeGreaterThan(0);
  });
});
