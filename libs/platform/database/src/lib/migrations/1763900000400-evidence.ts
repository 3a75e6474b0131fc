import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * One table per evidence record type, plus the store profile (the bundle's `store` line) and
 * the revisions of records that changed. Every row is keyed by
 * (consultancy_id, store_id, source, external_id): re-importing the same record finds its row,
 * and `content_hash` (md5 of the normalized record) tells an unchanged record from a changed
 * one. Typed columns carry what the scoring engine and the API filter on; `record` is the
 * validated record the engine reads back.
 *
 * No secondary index by lead: with one, the planner (on statistics gone stale while an import
 * grows the table) may probe a record by scanning its whole store through that index, and each
 * index costs every imported row; reads are per store, which the primary key serves. Add one
 * when a query needs it.
 *
 * No foreign key to store: its per-row check costs more than the insert itself (imports run at
 * a million lines), so writers key-share lock the store row once per batch instead, and
 * deleting stores removes their evidence with one statement-level trigger.
 */
const TABLES: Record<string, string> = {
  evidence_store_profile: '',
  evidence_user: '',
  evidence_lead: 'received_at timestamptz NOT NULL,',
  evidence_task: `lead_external_id text NOT NULL,
  due_at timestamptz NOT NULL,
  completed_at timestamptz,`,
  evidence_activity: `lead_external_id text,
  at timestamptz NOT NULL,`,
  evidence_note: `lead_external_id text NOT NULL,
  at timestamptz NOT NULL,`,
  evidence_appointment: `lead_external_id text NOT NULL,
  set_at timestamptz NOT NULL,
  starts_at timestamptz NOT NULL,`,
  evidence_status: `lead_external_id text NOT NULL,
  at timestamptz NOT NULL,`,
  evidence_sale: `lead_external_id text NOT NULL,
  sold_at timestamptz NOT NULL,`,
};

function evidenceTableSql(table: string, columns: string): string {
  return `
CREATE TABLE ${table} (
  consultancy_id uuid NOT NULL,
  store_id uuid NOT NULL,
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
  external_id text NOT NULL,
  ${columns}
  record jsonb NOT NULL,
  content_hash uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  import_run_id uuid,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, store_id, source, external_id)
);
${tenantRlsSql(table)}
GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_GROUP_ROLE};`;
}

export class Evidence1763900000400 implements MigrationInterface {
  name = 'Evidence1763900000400';

  async up(q: QueryRunner): Promise<void> {
    const tables = Object.entries(TABLES)
      .map(([table, columns]) => evidenceTableSql(table, columns))
      .join('\n');
    await q.query(`${tables}

-- The previous content of a record each time an import changed it; the row itself is updated in
-- place, so current evidence is one lookup and its history is kept here.
CREATE TABLE evidence_revision (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL,
  record_type text NOT NULL,
  source text NOT NULL,
  external_id text NOT NULL,
  version integer NOT NULL,
  record jsonb NOT NULL,
  content_hash uuid NOT NULL,
  replaced_by_run_id uuid,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id)
);
CREATE INDEX evidence_revision_by_record
  ON evidence_revision (consultancy_id, store_id, record_type, source, external_id, version);
${tenantRlsSql('evidence_revision')}
GRANT SELECT, INSERT, DELETE ON evidence_revision TO ${APP_GROUP_ROLE};

-- Runs as the deleting role, so row-level security limits it to the deleting tenant's rows.
CREATE FUNCTION delete_store_evidence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${[...Object.keys(TABLES), 'evidence_revision']
  .map(
    (t) =>
      `  DELETE FROM ${t} e USING gone g WHERE e.consultancy_id = g.consultancy_id AND e.store_id = g.id;`,
  )
  .join('\n')}
  RETURN NULL;
END $$;
CREATE TRIGGER store_evidence_cleanup AFTER DELETE ON store
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_store_evidence();`);
  }

  async down(q: QueryRunner): Promise<void> {
    const tables = ['evidence_revision', ...Object.keys(TABLES).reverse()];
    await q.query(`DROP TRIGGER store_evidence_cleanup ON store;
DROP FUNCTION delete_store_evidence();
${tables.map((t) => `${dropTenantRlsSql(t)}\nDROP TABLE ${t};`).join('\n')}`);
  }
}
