import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Outbound webhooks: the endpoints a consultancy registers (signing secrets sealed by the
 * application, never in clear text here; the previous secret kept for the rotation grace) and the
 * delivery log, which is also the delivery queue (`pending` rows with `next_attempt_at`).
 *
 * The delivery worker has no tenant when it looks for work, so it asks a SECURITY DEFINER
 * function for the consultancies with due deliveries (ids only), then claims and sends them
 * inside each tenant. The function runs as the owner with `candor.webhook_lookup = on`; the
 * policies below name the owner role, so the app role gains nothing by setting the flag itself.
 */
export class Webhooks1763900000900 implements MigrationInterface {
  name = 'Webhooks1763900000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE webhook_endpoint (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2048),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
  event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 20),
  enabled boolean NOT NULL DEFAULT true,
  secret_ciphertext bytea NOT NULL,
  secret_key_id text NOT NULL,
  previous_secret_ciphertext bytea,
  previous_secret_key_id text,
  previous_secret_expires_at timestamptz,
  secret_rotated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  CHECK ((previous_secret_ciphertext IS NULL) = (previous_secret_key_id IS NULL)
    AND (previous_secret_ciphertext IS NULL) = (previous_secret_expires_at IS NULL))
);
CREATE INDEX webhook_endpoint_by_age ON webhook_endpoint (consultancy_id, created_at, id);
${tenantRlsSql('webhook_endpoint')}

CREATE TABLE webhook_delivery (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  endpoint_id uuid NOT NULL,
  event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 100),
  event_type text NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  store_id uuid,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_status_code integer CHECK (last_status_code BETWEEN 100 AND 599),
  last_error text CHECK (length(last_error) <= 500),
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  CHECK (status <> 'pending' OR next_attempt_at IS NOT NULL),
  CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
  FOREIGN KEY (consultancy_id, endpoint_id) REFERENCES webhook_endpoint (consultancy_id, id)
    ON DELETE CASCADE
);
-- The log of one endpoint, newest first.
CREATE INDEX webhook_delivery_log
  ON webhook_delivery (consultancy_id, endpoint_id, created_at DESC, id DESC);
-- Due deliveries: across tenants (the lookup below) and within one (the claim).
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_due_in_tenant
  ON webhook_delivery (consultancy_id, next_attempt_at) WHERE status = 'pending';
${tenantRlsSql('webhook_delivery')}

DO $$
BEGIN
  EXECUTE format(
    'CREATE POLICY webhook_lookup ON webhook_endpoint FOR SELECT TO %I
       USING (current_setting(''candor.webhook_lookup'', true) = ''on'')', current_user);
  EXECUTE format(
    'CREATE POLICY webhook_lookup ON webhook_delivery FOR SELECT TO %I
       USING (current_setting(''candor.webhook_lookup'', true) = ''on'')', current_user);
END $$;

-- Consultancies with deliveries due at p_now on enabled endpoints, the longest waiting first.
CREATE FUNCTION webhook_due_tenants(p_now timestamptz, p_limit integer)
  RETURNS TABLE (consultancy_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.webhook_lookup', 'on', true);
  RETURN QUERY SELECT d.consultancy_id FROM webhook_delivery d
    JOIN webhook_endpoint e ON e.consultancy_id = d.consultancy_id AND e.id = d.endpoint_id
    WHERE d.status = 'pending' AND d.next_attempt_at <= p_now AND e.enabled
    GROUP BY d.consultancy_id
    ORDER BY min(d.next_attempt_at), d.consultancy_id
    LIMIT greatest(p_limit, 0);
  PERFORM set_config('candor.webhook_lookup', 'off', true);
END $$;

REVOKE ALL ON FUNCTION webhook_due_tenants(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_due_tenants(timestamptz, integer) TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoint TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE ON webhook_delivery TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION webhook_due_tenants(timestamptz, integer);
DROP POLICY webhook_lookup ON webhook_delivery;
DROP POLICY webhook_lookup ON webhook_endpoint;
${dropTenantRlsSql('webhook_delivery')}
${dropTenantRlsSql('webhook_endpoint')}
DROP TABLE webhook_delivery;
DROP TABLE webhook_endpoint;`);
  }
}
