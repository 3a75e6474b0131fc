import type { TenantTransaction } from '@candor/platform-database';
import type { RejectedLine } from '@candor/evidence-reader';
import type { PackedPayload, PayloadMeta } from './raw-payload.repository';

export type ImportRunKind = 'file' | 'upload' | 'webhook' | 'sync';
export type ImportRunStatus = 'running' | 'completed' | 'failed';

export interface ImportRun {
  id: string;
  storeId: string;
  source: string;
  kind: ImportRunKind;
  fileName: string | null;
  filePath: string | null;
  inputSha256: string | null;
  status: ImportRunStatus;
  linesCommitted: number;
  bytesArchived: number;
  payloadChunks: number;
  lines: number;
  accepted: number;
  updated: number;
  unchanged: number;
  fileDuplicates: number;
  rejectedLines: number;
  foreignLines: number;
  blank: number;
  rejected: RejectedLine[];
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  /** started_at at full precision, for keyset paging. */
  startedKey: string;
}

const COLUMNS = `id, store_id AS "storeId", source, kind, file_name AS "fileName",
  file_path AS "filePath", input_sha256 AS "inputSha256", status,
  lines_committed AS "linesCommitted", bytes_archived::float8 AS "bytesArchived",
  payload_chunks AS "payloadChunks", lines, accepted, updated, unchanged,
  file_duplicates AS "fileDuplicates", rejected_lines AS "rejectedLines",
  foreign_lines AS "foreignLines", blank, rejected, error, started_at AS "startedAt",
  finished_at AS "finishedAt", started_at::text AS "startedKey"`;

export interface NewImportRun {
  storeId: string;
  source: string;
  kind: ImportRunKind;
  fileName?: string | null;
  filePath?: string | null;
  inputSha256?: string | null;
  createdBy?: string | null;
  status?: ImportRunStatus;
}

/** Progress of one committed batch, added to the run in the batch's own transaction. */
export interface BatchProgress {
  linesCommitted: number;
  bytesArchived: number;
  payloadChunks: number;
  accepted: number;
  updated: number;
  unchanged: number;
  foreignLines: number;
  /** Lines this process rejected itself (another store's records), appended to the sample. */
  rejected: RejectedLine[];
}

/** The final whole-input figures the reader knows only at the end. */
export interface RunTotals {
  lines: number;
  fileDuplicates: number;
  rejectedLines: number;
  blank: number;
  rejected: RejectedLine[];
}

/** How many rejected lines a run keeps with line, field and reason (counts stay exact). */
export const MAX_STORED_REJECTIONS = 1000;

export async function createImportRun(
  tx: TenantTransaction,
  run: NewImportRun,
): Promise<ImportRun> {
  const [row] = await tx.query<ImportRun>(
    `INSERT INTO import_run
       (consultancy_id, store_id, source, kind, file_name, file_path, input_sha256, created_by, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
    [
      tx.consultancyId,
      run.storeId,
      run.source,
      run.kind,
      run.fileName ?? null,
      run.filePath ?? null,
      run.inputSha256 ?? null,
      run.createdBy ?? null,
      run.status ?? 'running',
    ],
  );
  return row!;
}

export async function findImportRun(tx: TenantTransaction, id: string): Promise<ImportRun | null> {
  const [row] = await tx.query<ImportRun>(`SELECT ${COLUMNS} FROM import_run WHERE id = $1`, [id]);
  return row ?? null;
}

/** The unfinished run of these exact bytes into this store, locked for the caller. */
export async function findResumableRun(
  tx: TenantTransaction,
  storeId: string,
  source: string,
  inputSha256: string,
): Promise<ImportRun | null> {
  const [row] = await tx.query<ImportRun>(
    `SELECT ${COLUMNS} FROM import_run
     WHERE store_id = $1 AND source = $2 AND input_sha256 = $3 AND status = 'running'
     FOR UPDATE`,
    [storeId, source, inputSha256],
  );
  return row ?? null;
}

/**
 * Adds a committed batch's progress to its run and, when given, archives the bytes received
 * with it: one statement, as every round trip of a batch waits for the parser's event loop.
 */
export async function recordBatch(
  tx: TenantTransaction,
  runId: string,
  p: BatchProgress,
  payload: { meta: PayloadMeta; packed: PackedPayload } | null = null,
): Promise<void> {
  const archive = payload
    ? `WITH archived AS (
  INSERT INTO raw_payload
    (consultancy_id, store_id, kind, import_run_id, seq, content_type, byte_length, sha256, content)
  VALUES ($10, $11, $12, $1, $13, $14, $15, $16, $17)
)
`
    : '';
  const archiveParams = payload
    ? [
        tx.consultancyId,
        payload.meta.storeId,
        payload.meta.kind,
        payload.meta.seq,
        payload.meta.contentType,
        payload.packed.byteLength,
        payload.packed.sha256,
        payload.packed.content,
      ]
    : [];
  await tx.query(
    `${archive}UPDATE import_run SET lines_committed = $2, bytes_archived = $3, payload_chunks = $4,
       accepted = accepted + $5, updated = updated + $6, unchanged = unchanged + $7,
       foreign_lines = foreign_lines + $8,
       rejected = CASE WHEN jsonb_array_length(rejected) >= ${MAX_STORED_REJECTIONS} THEN rejected
         ELSE rejected || $9::jsonb END
     WHERE id = $1`,
    [
      runId,
      p.linesCommitted,
      p.bytesArchived,
      p.payloadChunks,
      p.accepted,
      p.updated,
      p.unchanged,
      p.foreignLines,
      JSON.stringify(p.rejected.slice(0, MAX_STORED_REJECTIONS)),
      ...archiveParams,
    ],
  );
}

/** Ends a run: the reader's whole-input figures, and the reader's rejections merged in by line. */
export async function completeImportRun(
  tx: TenantTransaction,
  runId: string,
  totals: RunTotals,
): Promise<ImportRun> {
  const [row] = await tx.query<ImportRun>(
    `UPDATE import_run SET status = 'completed', finished_at = now(), lines = $2,
       lines_committed = $2, file_duplicates = $3, rejected_lines = $4 + foreign_lines, blank = $5,
       rejected = (SELECT coalesce(jsonb_agg(x ORDER BY (x->>'line')::int), '[]'::jsonb)
                   FROM (SELECT x FROM jsonb_array_elements(rejected || $6::jsonb) x
                         ORDER BY (x->>'line')::int LIMIT ${MAX_STORED_REJECTIONS}) t)
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      runId,
      totals.lines,
      totals.fileDuplicates,
      totals.rejectedLines,
      totals.blank,
      JSON.stringify(totals.rejected.slice(0, MAX_STORED_REJECTIONS)),
    ],
  );
  return row!;
}

/** Records why a run stopped; a resumable one stays `running` so a rerun continues it. */
export async function failImportRun(
  tx: TenantTransaction,
  runId: string,
  error: string,
  resumable: boolean,
): Promise<void> {
  await tx.query(
    `UPDATE import_run SET error = $2,
       status = CASE WHEN $3 THEN status ELSE 'failed' END,
       finished_at = CASE WHEN $3 THEN finished_at ELSE now() END
     WHERE id = $1`,
    [runId, error.slice(0, 2000), resumable],
  );
}

export interface ImportRunPage {
  rows: ImportRun[];
  totalCount: number;
}

/** Newest first; keyset on (started_at, id). `after` is the key of the last row seen. */
export async function pageImportRuns(
  tx: TenantTransaction,
  storeId: string,
  limit: number,
  after: [string, string] | null,
): Promise<ImportRunPage> {
  const [count] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM import_run WHERE store_id = $1',
    [storeId],
  );
  const rows = await tx.query<ImportRun>(
    `SELECT ${COLUMNS} FROM import_run WHERE store_id = $1
       AND ($2::timestamptz IS NULL OR (started_at, id) < ($2::timestamptz, $3::uuid))
     ORDER BY started_at DESC, id DESC LIMIT $4`,
    [storeId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return { rows, totalCount: count!.n };
}
