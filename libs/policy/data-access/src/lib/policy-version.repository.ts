import type { TenantTransaction } from '@candor/platform-database';
import type { PageRequest } from '@candor/platform-graphql';
import { DEFAULT_POLICY, type Policy } from '@candor/scoring';
import { CandorException } from '@candor/shared-errors';
import { consultancyPolicy, storePolicy } from './policy-composition';
import { noteErrors, normalizeNote, overridesErrors } from './policy-input';
import type { PolicyVersion, ResolvedPolicy } from './policy-version';
import { PolicyException } from './policy.exception';

interface PolicyVersionRow {
  id: string;
  store_id: string | null;
  number: number;
  label: string;
  overrides: Record<string, unknown>;
  note: string | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'id, store_id, number, label, overrides, note, created_by, created_at';

const toVersion = (row: PolicyVersionRow): PolicyVersion => ({
  id: row.id,
  storeId: row.store_id,
  number: row.number,
  label: row.label,
  overrides: row.overrides,
  note: row.note,
  createdBy: row.created_by,
  createdAt: row.created_at,
});

/** `store_id IS NULL` rather than `IS NOT DISTINCT FROM`, so the partial indexes are used. */
const scopeSql = (storeId: string | null, param: number) =>
  storeId === null ? 'store_id IS NULL' : `store_id = $${param}`;

/**
 * The latest version of the consultancy and of each given store, in one statement: DISTINCT ON
 * groups the NULL store_id (consultancy-wide) rows together like any other scope.
 */
async function latestVersions(
  tx: TenantTransaction,
  storeIds: readonly string[],
): Promise<{ consultancy: PolicyVersion | null; stores: Map<string, PolicyVersion> }> {
  const rows = await tx.query<PolicyVersionRow>(
    `SELECT DISTINCT ON (store_id) ${COLUMNS} FROM policy_version
     WHERE consultancy_id = $1 AND (store_id IS NULL OR store_id = ANY($2::uuid[]))
     ORDER BY store_id NULLS FIRST, number DESC`,
    [tx.consultancyId, [...new Set(storeIds)]],
  );
  let consultancy: PolicyVersion | null = null;
  const stores = new Map<string, PolicyVersion>();
  for (const row of rows) {
    if (row.store_id === null) consultancy = toVersion(row);
    else stores.set(row.store_id, toVersion(row));
  }
  return { consultancy, stores };
}

/**
 * The resolved policy of each store (DEFAULT_POLICY ← consultancy ← store), reading every level
 * in one statement however many stores are asked for. Store ids are not checked to exist: an id
 * without versions (or of no store) gets the consultancy-wide policy.
 */
export async function resolvePolicies(
  tx: TenantTransaction,
  storeIds: readonly string[],
): Promise<Map<string, ResolvedPolicy>> {
  const latest = await latestVersions(tx, storeIds);
  const base = consultancyPolicy(latest.consultancy);
  return new Map(storeIds.map((id) => [id, storePolicy(base, latest.stores.get(id) ?? null)]));
}

/** The consultancy-wide policy (storeId null) or a store's, with the versions behind it. */
export async function resolvePolicy(
  tx: TenantTransaction,
  storeId: string | null,
): Promise<ResolvedPolicy> {
  if (storeId === null) return consultancyPolicy((await latestVersions(tx, [])).consultancy);
  return (await resolvePolicies(tx, [storeId])).get(storeId)!;
}

/** The policy a store grades with; its `version` is what reports print. */
export async function effectivePolicy(tx: TenantTransaction, storeId: string): Promise<Policy> {
  return (await resolvePolicy(tx, storeId)).policy;
}

/** The policy of every given store, for portfolio reports: one SQL statement for any number. */
export async function effectivePolicies(
  tx: TenantTransaction,
  storeIds: readonly string[],
): Promise<Map<string, Policy>> {
  const resolved = await resolvePolicies(tx, storeIds);
  return new Map([...resolved].map(([id, r]) => [id, r.policy]));
}

export interface NewPolicyVersion {
  /** null: consultancy-wide. */
  storeId: string | null;
  /** The whole document of its level: it replaces the level's previous overrides. */
  overrides: Record<string, unknown>;
  note?: string | null;
  createdBy: string;
}

/**
 * Saves a new version of a scope after validating it against the level below (DEFAULT_POLICY for
 * the consultancy, the current consultancy policy for a store). Throws PolicyException with every
 * field error (under `overrides.` and `note`); nothing is saved then.
 */
export async function savePolicyVersion(
  tx: TenantTransaction,
  input: NewPolicyVersion,
): Promise<PolicyVersion> {
  // One saver per consultancy at a time: numbers stay gapless and a store's overrides are checked
  // against the consultancy policy that is current when they are saved.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `policy_version:${tx.consultancyId}`,
  ]);
  if (input.storeId !== null) {
    const [store] = await tx.query('SELECT 1 FROM store WHERE consultancy_id = $1 AND id = $2', [
      tx.consultancyId,
      input.storeId,
    ]);
    if (!store) throw PolicyException.storeNotFound();
  }
  const base = input.storeId === null ? DEFAULT_POLICY : (await resolvePolicy(tx, null)).policy;
  const note = normalizeNote(input.note);
  const errors = [...overridesErrors(input.overrides, base), ...noteErrors(note)];
  if (errors.length > 0) throw PolicyException.invalid(errors);

  const [row] = await tx.query<PolicyVersionRow>(
    `WITH next AS (
       SELECT coalesce(max(number), 0) + 1 AS number FROM policy_version
       WHERE consultancy_id = $1 AND ${scopeSql(input.storeId, 2)})
     INSERT INTO policy_version (consultancy_id, store_id, number, label, overrides, note, created_by)
     SELECT $1, $2::uuid, next.number,
       CASE WHEN $2::uuid IS NULL THEN 'c' ELSE 's' END || next.number, $3, $4, $5
     FROM next RETURNING ${COLUMNS}`,
    [tx.consultancyId, input.storeId, JSON.stringify(input.overrides), note, input.createdBy],
  );
  return toVersion(row!);
}

export interface PolicyVersionPage {
  /** Up to `limit + 1` rows in the request's direction (newest first when paging forward). */
  rows: PolicyVersion[];
  totalCount: number;
}

/** Sort key of a version list: its number (newest first). */
export const policyVersionKey = (v: PolicyVersion): [number] => [v.number];

/** Saved versions of one scope (storeId null: consultancy-wide), newest first. */
export async function listPolicyVersions(
  tx: TenantTransaction,
  storeId: string | null,
  page: PageRequest,
): Promise<PolicyVersionPage> {
  const scope = scopeSql(storeId, 2);
  const scopeParams = storeId === null ? [tx.consultancyId] : [tx.consultancyId, storeId];
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM policy_version WHERE consultancy_id = $1 AND ${scope}`,
    scopeParams,
  );
  const forward = page.direction === 'forward';
  const params: unknown[] = [...scopeParams];
  let after = '';
  if (page.cursorKey) {
    const number = page.cursorKey[0];
    if (typeof number !== 'number' || !Number.isInteger(number)) {
      const field = forward ? 'after' : 'before';
      throw CandorException.invalidInput([{ field, message: 'not a valid cursor' }]);
    }
    params.push(number);
    after = `AND number ${forward ? '<' : '>'} $${params.length}`;
  }
  params.push(page.limit + 1);
  const rows = await tx.query<PolicyVersionRow>(
    `SELECT ${COLUMNS} FROM policy_version WHERE consultancy_id = $1 AND ${scope} ${after}
     ORDER BY number ${forward ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
    params,
  );
  return { rows: rows.map(toVersion), totalCount: count!.n };
}
