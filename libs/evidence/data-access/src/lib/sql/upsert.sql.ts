import { EVIDENCE_TABLES, type EvidenceTable, type StagedField } from './evidence-tables';

/**
 * The per-session staging table a batch is COPY'd into (COPY cannot write into a table with
 * row-level security, so it lands here first). Temporary: no WAL, no RLS needed since it only
 * ever holds the current transaction's rows; emptied at every commit. Partitioned by record
 * type, so one COPY routes each row to its type's partition and each type's insert reads only
 * its own rows (not every staged row through a filter). ON COMMIT DELETE ROWS is not cascaded
 * to partitions, so each partition has its own. Instants arrive as binary timestamptz, so the
 * insert copies them instead of computing each from epoch milliseconds.
 */
export const STAGE_DDL = `CREATE TEMP TABLE IF NOT EXISTS evidence_stage (
  type text NOT NULL, external_id text NOT NULL, lead text, t1 timestamptz, t2 timestamptz,
  record text NOT NULL
) PARTITION BY LIST (type);
${EVIDENCE_TABLES.map(
  (t) => `CREATE TEMP TABLE IF NOT EXISTS evidence_stage_${t.type} PARTITION OF evidence_stage
  FOR VALUES IN ('${t.type}') ON COMMIT DELETE ROWS;`,
).join('\n')}`;

export const STAGE_COPY =
  'COPY evidence_stage (type, external_id, lead, t1, t2, record) FROM STDIN (FORMAT binary)';

const VALUE: Record<StagedField, string> = {
  lead: 's.lead',
  t1: 's.t1',
  t2: 's.t2',
};

const KEY = `e.consultancy_id = $1::uuid AND e.store_id = $2::uuid AND e.source = $3
    AND e.external_id = s.external_id`;

const QUEUE = `INSERT INTO lead_regrade_queue (consultancy_id, store_id, lead_external_id, import_run_id)`;
const REQUEUE = `ON CONFLICT (consultancy_id, store_id, lead_external_id)
  DO UPDATE SET queued_at = now(), import_run_id = excluded.import_run_id`;

/**
 * Queues these leads ($4, text[], distinct or not) of a store for re-grading.
 * Parameters: $1 consultancy, $2 store, $3 import run, $4 leads.
 */
export const QUEUE_LEADS_SQL = `${QUEUE}
SELECT DISTINCT $1::uuid, $2::uuid, lead, $3::uuid FROM unnest($4::text[]) AS lead
${REQUEUE}`;

function insertCte(t: EvidenceTable, skipKnown: boolean): string {
  const cols = t.columns.map((c) => `${c}, `).join('');
  const values = t.fields.map((f) => `${VALUE[f]}, `).join('');
  const lead = t.leadOf === null ? 'NULL::text' : t.leadOf.replace('e.', '');
  return `ins_${t.type} AS (
  INSERT INTO ${t.table}
    (consultancy_id, store_id, source, external_id, ${cols}record, import_run_id)
  SELECT $1::uuid, $2::uuid, $3, s.external_id, ${values}s.record::jsonb, $4::uuid
  FROM evidence_stage s WHERE s.type = '${t.type}'
  ${
    skipKnown
      ? `ON CONFLICT (consultancy_id, store_id, source, external_id) DO NOTHING
  RETURNING ${lead} AS lead`
      : ''
  }
)`;
}

/**
 * One statement for a whole batch of records none of which is stored yet (a fresh import, the
 * common case at scale): per record type present, a plain INSERT of its staged records, and
 * the batch's leads ($5, known to the caller) queued for re-grading. One round trip instead of
 * one per type matters because the parser shares the event loop. It fails on the first staged
 * record that is already stored; the caller runs it under a savepoint and falls back to
 * `insertUnknownSql`. A plain insert costs less per row than ON CONFLICT's speculative insertion
 * (no pre-check probe of the primary key, no confirmation WAL record), and without RETURNING
 * no row is kept for a count or a union of leads.
 * Parameters: $1 consultancy, $2 store, $3 source, $4 import run, $5 leads (text[]).
 */
export function insertAllSql(tables: readonly EvidenceTable[]): string {
  return `
WITH ${tables.map((t) => insertCte(t, false)).join(',\n')},
queued AS (
  ${QUEUE}
  SELECT $1::uuid, $2::uuid, lead, $4::uuid FROM unnest($5::text[]) lead
  ${REQUEUE}
)
SELECT 1`;
}

/**
 * Like `insertAllSql` where some staged records may be stored already: inserts only the new
 * ones, queues only their leads, and answers one count per type, in a column named after it.
 * ON CONFLICT DO NOTHING rather than an anti-join: the join's plan depends on statistics of
 * tables that grow during the import, and a stale estimate turns it into a scan per row.
 * Parameters: $1 consultancy, $2 store, $3 source, $4 import run.
 */
export function insertUnknownSql(tables: readonly EvidenceTable[]): string {
  const leads = tables.map((t) => `SELECT lead FROM ins_${t.type}`).join(' UNION ');
  return `
WITH ${tables.map((t) => insertCte(t, true)).join(',\n')},
queued AS (
  ${QUEUE}
  SELECT $1::uuid, $2::uuid, lead, $4::uuid FROM (${leads}) l WHERE lead IS NOT NULL
  ${REQUEUE}
)
SELECT ${tables.map((t) => `(SELECT count(*) FROM ins_${t.type})::int AS "${t.type}"`).join(', ')}`;
}

/**
 * Updates in place the staged records of one type that exist with other content (compared as
 * jsonb: key order and number spelling do not count), after copying each one's current version
 * to evidence_revision. Each staged record finds its row through a LATERAL … LIMIT 1 subquery,
 * which the planner cannot flatten: it is always one probe of the primary key per staged
 * record, whatever the (stale, mid-import) statistics say; a plain join can be planned as a
 * scan of the table per staged record. Run only for types where some staged records were not
 * new; a re-import of unchanged data finds nothing to change.
 */
export function updateChangedSql(t: EvidenceTable): string {
  const setCols = t.columns.map((c, i) => `${c} = ${VALUE[t.fields[i]!]}, `).join('');
  return `
WITH changed AS MATERIALIZED (
  SELECT s.external_id, s.lead, s.t1, s.t2, n.record, e.version AS old_version,
    e.record AS old_record
  FROM evidence_stage s
  CROSS JOIN LATERAL (
    SELECT e.version, e.record FROM ${t.table} e
    WHERE ${KEY} LIMIT 1
  ) e
  -- OFFSET 0 keeps the subquery: the staged text is parsed once, not once per use.
  CROSS JOIN LATERAL (SELECT s.record::jsonb AS record OFFSET 0) n
  WHERE s.type = '${t.type}' AND e.record <> n.record
), prev AS (
  INSERT INTO evidence_revision
    (consultancy_id, store_id, record_type, source, external_id, version, record,
     replaced_by_run_id)
  SELECT $1::uuid, $2::uuid, '${t.type}', $3, c.external_id, c.old_version, c.old_record, $4::uuid
  FROM changed c
), up AS (
  UPDATE ${t.table} e SET ${setCols}record = s.record, import_run_id = $4::uuid,
    version = e.version + 1, updated_at = now()
  FROM changed s
  WHERE ${KEY}
  RETURNING ${t.leadOf ?? 'NULL::text'} AS lead
)
SELECT count(*)::int AS n,
  coalesce(array_agg(DISTINCT lead) FILTER (WHERE lead IS NOT NULL), '{}') AS leads
FROM up`;
}
