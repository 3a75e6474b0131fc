import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInTenant, type TenantTransaction } from '@candor/platform-database';
import { pageRequest } from '@candor/platform-graphql';
import { appDataSource, testDatabase } from '@candor/platform-testing';
import { DEFAULT_POLICY } from '@candor/scoring';
import { CandorException } from '@candor/shared-errors';
import { newTenant, type TestTenant } from '@candor/tenancy-testing';
import {
  effectivePolicies,
  effectivePolicy,
  listPolicyVersions,
  resolvePolicy,
  savePolicyVersion,
} from './policy-version.repository';

const FIRST_PAGE = pageRequest({ first: 100 });

async function rejection(work: Promise<unknown>): Promise<CandorException> {
  try {
    await work;
  } catch (e) {
    if (e instanceof CandorException) return e;
    throw e;
  }
  throw new Error('expected a CandorException');
}

describe('policy versions', () => {
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;

  beforeAll(async () => {
    ds = await appDataSource();
    a = await newTenant(ds, { stores: 3 });
    b = await newTenant(ds, { stores: 1 });
  });
  afterAll(() => ds?.destroy());

  const inA = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, a, work);
  const inB = <T>(work: (tx: TenantTransaction) => Promise<T>) => runInTenant(ds, b, work);
  const save = (
    tenant: TestTenant,
    storeId: string | null,
    overrides: Record<string, unknown>,
    note?: string,
  ) =>
    runInTenant(ds, tenant, (tx) =>
      savePolicyVersion(tx, { storeId, overrides, note, createdBy: tenant.ownerId }),
    );
  const countIn = (tenant: TestTenant) =>
    runInTenant(ds, tenant, async (tx) => {
      const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM policy_version');
      return row!.n;
    });

  // The tests below build on each other, in order: A's consultancy and store X (index 0) get
  // versions; Y (index 1) gets one; Z (index 2) never does.
  it('grades with the default policy while nothing is saved', async () => {
    const policy = await inA((tx) => effectivePolicy(tx, a.storeIds[0]!));
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(policy.version).toBe('default-1');
  });

  it('numbers versions per scope and labels them c<N> and s<M>', async () => {
    const c1 = await save(a, null, { neglectDays: 5 }, '  first try  ');
    const c2 = await save(a, null, { neglectDays: 5, corroborationWindowMin: 15 });
    const x1 = await save(a, a.storeIds[0]!, { corroborationWindowMin: 20 });
    const y1 = await save(a, a.storeIds[1]!, { categoryWeights: { process: 0 } });
    expect([c1, c2, x1, y1].map((v) => [v.label, v.number, v.storeId])).toEqual([
      ['c1', 1, null],
      ['c2', 2, null],
      ['s1', 1, a.storeIds[0]],
      ['s1', 1, a.storeIds[1]],
    ]);
    expect(c1.note).toBe('first try');
    expect(c2.note).toBeNull();
    expect(c1.createdBy).toBe(a.ownerId);
    expect(c2.overrides).toEqual({ neglectDays: 5, corroborationWindowMin: 15 });
  });

  it('applies store overrides on top of the latest consultancy overrides', async () => {
    const [x, y, z] = a.storeIds as [string, string, string];
    const policies = await inA((tx) => effectivePolicies(tx, [x, y, z]));
    expect(policies.get(x)).toMatchObject({
      version: 'c2.s1',
      corroborationWindowMin: 20,
      neglectDays: 5,
    });
    expect(policies.get(y)).toMatchObject({
      version: 'c2.s1',
      corroborationWindowMin: 15,
      neglectDays: 5,
      categoryWeights: { ...DEFAULT_POLICY.categoryWeights, process: 0 },
    });
    expect(policies.get(z)).toMatchObject({
      version: 'c2',
      corroborationWindowMin: 15,
      neglectDays: 5,
    });
    expect(policies.get(z)!.categoryWeights).toEqual(DEFAULT_POLICY.categoryWeights);
  });

  it('replaces a level with each new version instead of merging into the previous one', async () => {
    await save(a, a.storeIds[0]!, { taskGraceMin: 30 });
    const x = await inA((tx) => resolvePolicy(tx, a.storeIds[0]!));
    expect(x.policy).toMatchObject({
      version: 'c2.s2',
      taskGraceMin: 30,
      corroborationWindowMin: 15,
    });
    expect(x.basedOn.map((v) => v.label)).toEqual(['c2', 's2']);
    expect(x.storeVersion?.overrides).toEqual({ taskGraceMin: 30 });
  });

  it('names only the levels that change something: empty overrides reset a level', async () => {
    await save(a, null, {}, 'back to the defaults');
    const x = await inA((tx) => resolvePolicy(tx, a.storeIds[0]!));
    expect(x.policy).toMatchObject({ version: 's2', taskGraceMin: 30, neglectDays: 3 });
    expect(x.consultancyVersion?.label).toBe('c3');
    expect(x.basedOn.map((v) => v.label)).toEqual(['s2']);
    const z = await inA((tx) => effectivePolicy(tx, a.storeIds[2]!));
    expect(z).toEqual(DEFAULT_POLICY);
    await save(a, null, { neglectDays: 4 });
    expect((await inA((tx) => effectivePolicy(tx, a.storeIds[0]!))).version).toBe('c4.s2');
  });

  it('resolves fifty stores with one SQL statement', async () => {
    const ids = [...a.storeIds, ...Array.from({ length: 47 }, () => randomUUID())];
    await inA(async (tx) => {
      const spy = vi.spyOn(tx, 'query');
      const policies = await effectivePolicies(tx, ids);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(policies.size).toBe(50);
      expect(policies.get(ids[49]!)!.version).toBe('c4');
    });
  });

  it('rejects a bad document with every field and saves nothing', async () => {
    const before = await countIn(a);
    const error = await rejection(
      save(a, null, {
        version: 'mine',
        grading: {
          'response.fake': { floor: 1, target: 2 },
          'tasks.onTimeRate': { floor: 0.5, target: 0.5 },
        },
        cadence: [{ day: 1, channel: 'fax' }],
        fillerPatterns: ['sc', '/(unclosed/'],
      }),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors.map((e) => e.field)).toEqual([
      'overrides.version',
      'overrides.grading.response.fake',
      'overrides.grading.tasks.onTimeRate',
      'overrides.cadence[0].channel',
      'overrides.fillerPatterns[1]',
    ]);
    expect(error.fieldErrors[2]!.message).toBe('floor and target must differ');
    expect(error.message).toMatch(/^Invalid policy: overrides\.version: .*; overrides\.grading/);
    expect(error.message).toContain('(and 2 more, listed in extensions.fields)');
    expect(await countIn(a)).toBe(before);
  });

  it('rejects bad store overrides and a note that is too long, naming each', async () => {
    const before = await countIn(a);
    const error = await rejection(
      save(
        a,
        a.storeIds[1]!,
        { grading: { 'response.trueMedianMin': { floor: 'x', target: 15 } } },
        'n'.repeat(2001),
      ),
    );
    expect(error.fieldErrors).toEqual([
      {
        field: 'overrides.grading.response.trueMedianMin.floor',
        message: 'must be a number from -1000000000 to 1000000000',
      },
      { field: 'note', message: 'must be at most 2000 characters' },
    ]);
    expect(await countIn(a)).toBe(before);
  });

  it('keeps what was saved verbatim and grades with its normalized form', async () => {
    const saved = await save(a, a.storeIds[2]!, { fillerPatterns: ['  S/C ', '/^x+$/'] });
    expect(saved.overrides).toEqual({ fillerPatterns: ['  S/C ', '/^x+$/'] });
    const z = await inA((tx) => effectivePolicy(tx, a.storeIds[2]!));
    expect(z.fillerPatterns).toEqual(['s/c', '/^x+$/']);
  });

  it('lists versions of one scope, newest first, in pages', async () => {
    const first = await inA((tx) => listPolicyVersions(tx, null, pageRequest({ first: 2 })));
    expect(first.totalCount).toBe(4);
    expect(first.rows.map((v) => v.label)).toEqual(['c4', 'c3', 'c2']); // limit + 1
    const rest = await inA((tx) =>
      listPolicyVersions(tx, null, { limit: 2, direction: 'forward', cursorKey: [3] }),
    );
    expect(rest.rows.map((v) => v.label)).toEqual(['c2', 'c1']);
    const store = await inA((tx) => listPolicyVersions(tx, a.storeIds[0]!, FIRST_PAGE));
    expect(store.rows.map((v) => v.label)).toEqual(['s2', 's1']);
  });

  it("keeps tenants apart: B neither sees nor writes A's versions", async () => {
    expect((await inB((tx) => listPolicyVersions(tx, null, FIRST_PAGE))).totalCount).toBe(0);
    expect((await inB((tx) => listPolicyVersions(tx, a.storeIds[0]!, FIRST_PAGE))).totalCount).toBe(
      0,
    );
    expect(await inB((tx) => effectivePolicy(tx, b.storeIds[0]!))).toEqual(DEFAULT_POLICY);
    const onA = await rejection(save(b, a.storeIds[0]!, { neglectDays: 9 }));
    expect(onA.code).toBe('NOT_FOUND');
    await expect(
      inB((tx) =>
        tx.query(
          `INSERT INTO policy_version (consultancy_id, number, label, overrides, created_by)
           VALUES ($1, 99, 'c99', '{}', $2)`,
          [a.consultancyId, b.ownerId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const b1 = await save(b, null, { neglectDays: 7 });
    expect(b1.label).toBe('c1');
    expect((await inA((tx) => effectivePolicy(tx, a.storeIds[2]!))).neglectDays).toBe(4);
  });

  it('numbers concurrent saves of one scope without a gap or a clash', async () => {
    const saved = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => save(b, null, { neglectDays: 10 + n })),
    );
    expect(saved.map((v) => v.number).sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it('has row-level security enabled and forced: without a tenant, no rows', async () => {
    const client = new Client({ connectionString: testDatabase().appUrl });
    await client.connect();
    try {
      const flags = await client.query(
        `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'policy_version'`,
      );
      expect(flags.rows).toEqual([{ relrowsecurity: true, relforcerowsecurity: true }]);
      const { rows } = await client.query('SELECT count(*)::int AS n FROM policy_version');
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await client.end();
    }
  });

  it.each([
    ['update', `UPDATE policy_version SET note = 'edited'`],
    ['delete', 'DELETE FROM policy_version'],
  ])('does not let the app role %s a saved version', async (_, sql) => {
    await expect(inA((tx) => tx.query(sql))).rejects.toThrow(/permission denied/);
  });

  it('goes away with its store (deleting a store still works)', async () => {
    const tenant = await newTenant(ds, { stores: 1 });
    await save(tenant, tenant.storeIds[0]!, { neglectDays: 2 });
    await runInTenant(ds, tenant, (tx) =>
      tx.query('DELETE FROM store WHERE id = $1', [tenant.storeIds[0]]),
    );
    expect(await countIn(tenant)).toBe(0);
  });
});
