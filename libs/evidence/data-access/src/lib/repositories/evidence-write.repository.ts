import { QueryFailedError } from 'typeorm';
import type { TenantTransaction } from '@candor/platform-database';
import { CandorException } from '@candor/shared-errors';
import { copyPieces } from '../sql/copy-rows';
import type { StageBuffer } from '../sql/stage-buffer';
import { EVIDENCE_TABLES, type EvidenceTable } from '../sql/evidence-tables';
import {
  insertAllSql,
  insertUnknownSql,
  QUEUE_LEADS_SQL,
  STAGE_COPY,
  STAGE_DDL,
  updateChangedSql,
} from '../sql/upsert.sql';

/** What a batch did to the evidence tables. */
export interface WriteCounts {
  /** New records. */
  inserted: number;
  /** Records whose content changed (the old version went to evidence_revision). */
  updated: number;
  /** Records already stored with the same content (a re-import: no-op). */
  unchanged: number;
}

export interface WriteTarget {
  storeId: string;
  source: string;
  importRunId: string;
}

const UNIQUE_VIOLATION = '23505';
const INSERT = new Map<string, string>();
const UPDATE = new Map(EVIDENCE_TABLES.map((t) => [t.type, updateChangedSql(t)]));

/** The batch statement for this set of record types, built once per set. */
function insertSql(tables: readonly EvidenceTable[], skipKnown: boolean): string {
  const key = `${skipKnown}:${tables.map((t) => t.type).join(',')}`;
  let sql = INSERT.get(key);
  if (!sql) INSERT.set(key, (sql = skipKnown ? insertUnknownSql(tables) : insertAllSql(tables)));
  return sql;
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}

/**
 * Inserts the staged records that are new: first all of them with a plain INSERT under a
 * savepoint (a fresh import, the common case at scale), and only when one is already stored,
 * again skipping the known ones.
 */
async function insertNew(
  tx: TenantTransaction,
  tables: readonly EvidenceTable[],
  params: unknown[],
  batch: StageBuffer,
): Promise<Record<string, number>> {
  await tx.query('SAVEPOINT evidence_insert');
  try {
    await tx.query(insertSql(tables, false), [...params, [...batch.leads]]);
    await tx.query('RELEASE SAVEPOINT evidence_insert');
    return Object.fromEntries(batch.perType);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT evidence_insert');
    const [inserted] = await tx.query<Record<string, number>>(insertSql(tables, true), params);
    return inserted!;
  }
}

/**
 * Writes a batch of validated records of one store in one transaction: one COPY into staging,
 * one statement inserting the new records of every type (see insertNew) (and queueing their leads for
 * re-grading) and, only for types where some records were not new, one UPDATE of the changed
 * ones (their old version kept in evidence_revision); unchanged records are left alone.
 * Records must be unique by (type, id), as the bundle reader guarantees. The batch's buffers
 * are released once staged (`perType`, `leads` and `size` stay readable). The caller must hold
 * `lockStoreForWrite` in the same transaction.
 */
export async function writeEvidence(
  tx: TenantTransaction,
  target: WriteTarget,
  batch: StageBuffer,
): Promise<WriteCounts> {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (batch.size === 0) return counts;
  // ON COMMIT DELETE ROWS: the table is empty at the start of every transaction.
  await tx.query(STAGE_DDL);
  await copyPieces(tx, STAGE_COPY, batch.pieces());
  // Sent and staged: later batches may reuse its buffers (on failure they are left alone).
  batch.release();

  const params = [tx.consultancyId, target.storeId, target.source, target.importRunId];
  const tables = EVIDENCE_TABLES.filter((t) => batch.perType.has(t.type));
  const inserted = await insertNew(tx, tables, params, batch);
  const touched: string[] = [];
  for (const t of tables) {
    const staged = batch.perType.get(t.type)!;
    const n = inserted[t.type]!;
    counts.inserted += n;
    if (n === staged) continue;
    const [updated] = await tx.query<{ n: number; leads: string[] }>(UPDATE.get(t.type)!, params);
    touched.push(...updated!.leads);
    counts.updated += updated!.n;
    counts.unchanged += staged - n - updated!.n;
  }
  if (touched.length > 0) {
    await tx.query(QUEUE_LEADS_SQL, [
      tx.consultancyId,
      target.storeId,
      target.importRunId,
      touched,
    ]);
  }
  return counts;
}

/**
 * Before writing a store's evidence, in the same transaction: serializes writers of the store
 * (two imports of one record would both file its old version as a revision) and key-share locks the store row, so the store cannot be
 * deleted until commit. This replaces a per-row foreign key check, which would cost more than
 * the insert itself; deleting a store removes its evidence by trigger (migration 0400).
 * Throws NOT_FOUND when the store is gone.
 */
export async function lockStoreForWrite(tx: TenantTransaction, storeId: string): Promise<void> {
  const rows = await tx.query(
    `SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended($2, 42))) l,
       LATERAL (SELECT 1 FROM store WHERE id = $1 FOR KEY SHARE) s`,
    [storeId, `evidence:${storeId}`],
  );
  if (rows.length === 0) throw CandorException.notFound('Store');
}
