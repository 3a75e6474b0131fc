import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Connector configuration (credentials encrypted by the application, never in clear text here),
 * sync cursors, dead letters of failed syncs and per-store ingest tokens.
 *
 * Two reads happen before a tenant is known, so they go through SECURITY DEFINER functions that
 * return only what their step needs: the ADF endpoint turning a raw ingest token into its store,
 * and the sync scheduler listing connectors that are due. Both run as the owner with
 * `candor.connector_lookup = on` for their transaction; the policies below name the owner role,
 * so the app role gains nothing by setting that flag itself.
 */
export class Connectors1763900000600 implements MigrationInterface {
  name = 'Connectors1763900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE connector (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_-]{0,39}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  credentials_ciphertext bytea,
  credentials_key_id text,
  enabled boolean NOT NULL DEFAULT true,
  sync_interval_minutes integer NOT NULL DEFAULT 60 CHECK (sync_interval_minutes BETWEEN 1 AND 10080),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  CHECK ((credentials_ciphertext IS NULL) = (credentials_key_id IS NULL)),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
CREATE INDEX connector_by_store ON connector (consultancy_id, store_id, id);
${tenantRlsSql('connector')}

CREATE TABLE connector_cursor (
  consultancy_id uuid NOT NULL,
  connector_id uuid NOT NULL,
  cursor text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_started_at timestamptz,
  last_success_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  PRIMARY KEY (consultancy_id, connector_id),
  FOREIGN KEY (consultancy_id, connector_id) REFERENCES connector (consultancy_id, id)
    ON DELETE CASCADE
);
${tenantRlsSql('connector_cursor')}

CREATE TABLE connector_dead_letter (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  connector_id uuid NOT NULL,
  job_id text NOT NULL,
  payload_summary text NOT NULL,
  reason text NOT NULL,
  attempts integer NOT NULL CHECK (attempts >= 1),
  failed_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  PRIMARY KEY (consultancy_id, id),
  UNIQUE (consultancy_id, job_id),
  FOREIGN KEY (consultancy_id, connector_id) REFERENCES connector (consultancy_id, id)
    ON DELETE CASCADE
);
CREATE INDEX connector_dead_letter_open
  ON connector_dead_letter (consultancy_id, connector_id, failed_at DESC) WHERE resolved_at IS NULL;
${tenantRlsSql('connector_dead_letter')}

CREATE TABLE store_ingest_token (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL,
  token_prefix text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  last_used_at timestamptz,
  PRIMARY KEY (consultancy_id, id),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
CREATE INDEX store_ingest_token_by_store ON store_ingest_token (consultancy_id, store_id);
${tenantRlsSql('store_ingest_token')}

DO $$
BEGIN
  EXECUTE format(
    'CREATE POLICY connector_lookup ON connector FOR SELECT TO %I
       USING (current_setting(''candor.connector_lookup'', true) = ''on'')', current_user);
  EXECUTE format(
    'CREATE POLICY connector_lookup ON connector_cursor FOR SELECT TO %I
       USING (current_setting(''candor.connector_lookup'', true) = ''on'')', current_user);
  EXECUTE format(
    'CREATE POLICY connector_lookup ON store_ingest_token FOR SELECT TO %I
       USING (current_setting(''candor.connector_lookup'', true) = ''on'')', current_user);
  EXECUTE format(
    'CREATE POLICY connector_lookup_touch ON store_ingest_token FOR UPDATE TO %I
       USING (current_setting(''candor.connector_lookup'', true) = ''on'')
       WITH CHECK (current_setting(''candor.connector_lookup'', true) = ''on'')', current_user);
END $$;

-- The store an active ingest token belongs to (the raw token is hashed here, so only its hash is
-- ever stored or compared). Marks the token used.
CREATE FUNCTION connector_ingest_token_lookup(p_token text)
  RETURNS TABLE (consultancy_id uuid, store_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.connector_lookup', 'on', true);
  RETURN QUERY UPDATE store_ingest_token t SET last_used_at = now()
    WHERE t.token_hash = sha256(convert_to(p_token, 'UTF8')) AND t.revoked_at IS NULL
    RETURNING t.consultancy_id, t.store_id;
  PERFORM set_config('candor.connector_lookup', 'off', true);
END $$;

-- Enabled connectors whose interval has elapsed since their last start (or never started), for
-- the scheduler, which then enters each tenant to run the sync.
CREATE FUNCTION connector_due_syncs(p_limit integer)
  RETURNS TABLE (consultancy_id uuid, connector_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.connector_lookup', 'on', true);
  RETURN QUERY SELECT c.consultancy_id, c.id FROM connector c
    LEFT JOIN connector_cursor k ON k.consultancy_id = c.consultancy_id AND k.connector_id = c.id
    WHERE c.enabled AND (k.last_started_at IS NULL
      OR k.last_started_at <= now() - c.sync_interval_minutes * interval '1 minute')
    ORDER BY k.last_started_at NULLS FIRST, c.consultancy_id, c.id
    LIMIT greatest(p_limit, 0);
  PERFORM set_config('candor.connector_lookup', 'off', true);
END $$;

REVOKE ALL ON FUNCTION connector_ingest_token_lookup(text), connector_due_syncs(integer)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION connector_ingest_token_lookup(text), connector_due_syncs(integer)
  TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON connector, connector_cursor TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE ON connector_dead_letter, store_ingest_token TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION connector_due_syncs(integer);
DROP FUNCTION connector_ingest_token_lookup(text);
DROP POLICY connector_lookup_touch ON store_ingest_token;
DROP POLICY connector_lookup ON store_ingest_token;
DROP POLICY connector_lookup ON connector_cursor;
DROP POLICY connector_lookup ON connector;
${dropTenantRlsSql('store_ingest_token')}
${dropTenantRlsSql('connector_dead_letter')}
${dropTenantRlsSql('connector_cursor')}
${dropTenantRlsSql('connector')}
DROP TABLE store_ingest_token;
DROP TABLE connector_dead_letter;
DROP TABLE connector_cursor;
DROP TABLE connector;`);
  }
}
