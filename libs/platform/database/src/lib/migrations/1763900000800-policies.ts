import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Versioned grading policies: each row is the full overrides document one scope (the whole
 * consultancy when store_id is NULL, else one store) saved at one time. Rows are append-only
 * (the app role may only INSERT and SELECT) so the policy version a report names can always be
 * looked up as it was.
 *
 * Numbers count 1, 2, … per scope. A unique constraint over a NULL store_id would not stop two
 * consultancy-wide rows with the same number (NULLs are distinct), hence one partial unique
 * index per kind of scope; both also serve "the latest version of this scope".
 */
export class Policies1763900000800 implements MigrationInterface {
  name = 'Policies1763900000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE policy_version (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid,
  number integer NOT NULL CHECK (number > 0),
  overrides jsonb NOT NULL CHECK (jsonb_typeof(overrides) = 'object'),
  label text NOT NULL,
  note text CHECK (length(note) BETWEEN 1 AND 2000),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  CHECK (label = CASE WHEN store_id IS NULL THEN 'c' ELSE 's' END || number),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX policy_version_consultancy_number
  ON policy_version (consultancy_id, number) WHERE store_id IS NULL;
CREATE UNIQUE INDEX policy_version_store_number
  ON policy_version (consultancy_id, store_id, number) WHERE store_id IS NOT NULL;
${tenantRlsSql('policy_version')}
GRANT SELECT, INSERT ON policy_version TO ${APP_GROUP_ROLE};

-- A new version changes how the stores it covers are graded: their reports turn stale, so the
-- worker's scheduler grades them again. Runs as the inserting role (RLS keeps it in its tenant).
CREATE FUNCTION policy_reports_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_report r SET stale = true
    WHERE r.consultancy_id = NEW.consultancy_id AND NOT r.stale
      AND (NEW.store_id IS NULL OR r.store_id = NEW.store_id);
  RETURN NULL;
END $$;
CREATE TRIGGER policy_version_regrade AFTER INSERT ON policy_version
  FOR EACH ROW EXECUTE FUNCTION policy_reports_stale();`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TRIGGER policy_version_regrade ON policy_version;
DROP FUNCTION policy_reports_stale();
${dropTenantRlsSql('policy_version')}
DROP TABLE policy_version;`);
  }
}
