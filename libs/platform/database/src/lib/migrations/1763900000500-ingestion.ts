import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Import runs (progress and counts, committed with each batch so a killed import resumes after
 * its last committed line), the raw payload archive (the exact bytes received, gzip'd, so
 * anything can be re-parsed later) and the leads whose evidence changed (re-grading reads it).
 */
export class Ingestion1763900000500 implements MigrationInterface {
  name = 'Ingestion1763900000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE import_run (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL,
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('file', 'upload', 'webhook', 'sync')),
  file_name text,
  file_path text,
  input_sha256 text,
  status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
  lines_committed integer NOT NULL DEFAULT 0,
  bytes_archived bigint NOT NULL DEFAULT 0,
  payload_chunks integer NOT NULL DEFAULT 0,
  lines integer NOT NULL DEFAULT 0,
  accepted integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  file_duplicates integer NOT NULL DEFAULT 0,
  rejected_lines integer NOT NULL DEFAULT 0,
  foreign_lines integer NOT NULL DEFAULT 0,
  blank integer NOT NULL DEFAULT 0,
  rejected jsonb NOT NULL DEFAULT '[]',
  error text,
  created_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (consultancy_id, id),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
CREATE INDEX import_run_by_store ON import_run (consultancy_id, store_id, started_at DESC, id);
-- One unfinished run per input and store: a rerun of the same bytes resumes it.
CREATE UNIQUE INDEX import_run_resumable ON import_run (consultancy_id, store_id, source, input_sha256)
  WHERE status = 'running' AND input_sha256 IS NOT NULL;
${tenantRlsSql('import_run')}

CREATE TABLE raw_payload (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('import', 'webhook', 'sync')),
  import_run_id uuid,
  seq integer NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  content_type text NOT NULL,
  byte_length integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (consultancy_id, id),
  UNIQUE (consultancy_id, import_run_id, seq),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE,
  FOREIGN KEY (consultancy_id, import_run_id) REFERENCES import_run (consultancy_id, id)
    ON DELETE CASCADE
);
-- Already gzip'd: TOAST compression would only spend CPU finding that out.
ALTER TABLE raw_payload ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX raw_payload_by_store ON raw_payload (consultancy_id, store_id, received_at);
${tenantRlsSql('raw_payload')}

CREATE TABLE lead_regrade_queue (
  consultancy_id uuid NOT NULL,
  store_id uuid NOT NULL,
  lead_external_id text NOT NULL,
  import_run_id uuid,
  queued_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, store_id, lead_external_id),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
${tenantRlsSql('lead_regrade_queue')}

GRANT SELECT, INSERT, UPDATE ON import_run TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT ON raw_payload TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON lead_regrade_queue TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${dropTenantRlsSql('lead_regrade_queue')}
${dropTenantRlsSql('raw_payload')}
${dropTenantRlsSql('import_run')}
DROP TABLE lead_regrade_queue;
DROP TABLE raw_payload;
DROP TABLE import_run;`);
  }
}
