import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Identity: password credentials, sign-in throttling, refresh-token families and API keys.
 *
 * Sign-in happens before a tenant is known, while RLS hides people and memberships. The app role
 * therefore cannot read `user_credential` or `sign_in_throttle` at all; it reaches them only
 * through the SECURITY DEFINER functions below, each returning just what its step needs. They
 * run as the migration owner with a fixed search_path (no hijacking through temp schemas).
 */
export class Identity1763900000200 implements MigrationInterface {
  name = 'Identity1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE user_credential (
  user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE user_credential ENABLE ROW LEVEL SECURITY;

-- Failure counters per account ('account:<email>') and per client ('ip:<address>'); shared by
-- every API replica because they live here.
CREATE TABLE sign_in_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE sign_in_throttle ENABLE ROW LEVEL SECURITY;

CREATE TABLE refresh_token (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash bytea NOT NULL,
  expires_at timestamptz NOT NULL,
  rotated_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  UNIQUE (consultancy_id, token_hash),
  FOREIGN KEY (consultancy_id, user_id) REFERENCES membership (consultancy_id, user_id)
    ON DELETE CASCADE
);
CREATE INDEX refresh_token_family ON refresh_token (consultancy_id, family_id);
${tenantRlsSql('refresh_token')}

CREATE TABLE invitation (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email LIKE '%_@_%'),
  role text NOT NULL
    CHECK (role IN ('consultancy_owner', 'consultant', 'dealer_manager', 'dealer_agent')),
  store_ids uuid[] NOT NULL DEFAULT '{}',
  token_hash bytea NOT NULL UNIQUE,
  invited_by uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id)
);

-- Password resets are per person, not per tenant: reached only through the functions below.
CREATE TABLE password_reset (
  token_hash bytea PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
ALTER TABLE password_reset ENABLE ROW LEVEL SECURITY;

CREATE TABLE api_key (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  prefix text NOT NULL UNIQUE,
  secret_hash bytea NOT NULL,
  scopes text[] NOT NULL,
  store_ids uuid[],
  created_by uuid NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id)
);
${tenantRlsSql('api_key')}

${tenantRlsSql('invitation')}

-- Platform staff ("us": tenants, plans, health). Not tenant-owned, and the app role holds no
-- privilege on it: only the owner role writes it (\`candor admin grant|revoke\`); the app reads
-- one bit through auth_is_platform_admin. A separate table rather than a column of app_user,
-- because the app role may INSERT and UPDATE app_user and so could otherwise promote anyone.
CREATE TABLE platform_admin (
  user_id uuid PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
  granted_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE platform_admin ENABLE ROW LEVEL SECURITY;

-- Which evidence user ids (the CRM user ids of the bundle, per store, e.g. 'u-17') are a dealer
-- agent's own work; findings, scorecards and leads restrict agents to these.
CREATE TABLE agent_identity (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  store_id uuid NOT NULL,
  crm_user_id text NOT NULL CHECK (length(crm_user_id) BETWEEN 1 AND 200),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  -- One CRM user id of a store is one person's work.
  UNIQUE (consultancy_id, store_id, crm_user_id),
  FOREIGN KEY (consultancy_id, user_id) REFERENCES membership (consultancy_id, user_id)
    ON DELETE CASCADE,
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_identity_by_user ON agent_identity (consultancy_id, user_id);
${tenantRlsSql('agent_identity')}

-- RLS is forced, so it filters the owner too. The lookup functions below run as the owner with
-- candor.auth_lookup = on (set by their body, for the transaction); these policies let exactly that read across
-- tenants. They name the owner role, so the app role gains nothing from setting the flag itself.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['consultancy', 'app_user', 'membership', 'api_key', 'store'] LOOP
    EXECUTE format(
      'CREATE POLICY auth_lookup ON %I FOR SELECT TO %I
         USING (current_setting(''candor.auth_lookup'', true) = ''on'')', t, current_user);
  END LOOP;
END $$;

CREATE FUNCTION auth_credential_for(p_email text)
  RETURNS TABLE (user_id uuid, password_hash text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.auth_lookup', 'on', true);
  RETURN QUERY SELECT u.id, c.password_hash FROM app_user u
    JOIN user_credential c ON c.user_id = u.id WHERE lower(u.email) = lower(p_email);
END $$;

CREATE FUNCTION auth_password_hash(p_user_id uuid) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT password_hash FROM user_credential WHERE user_id = p_user_id $$;

CREATE FUNCTION auth_set_password(p_user_id uuid, p_hash text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO user_credential (user_id, password_hash) VALUES (p_user_id, p_hash)
  ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, updated_at = now() $$;

CREATE FUNCTION auth_memberships(p_user_id uuid)
  RETURNS TABLE (consultancy_id uuid, consultancy_name text, role text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.auth_lookup', 'on', true);
  RETURN QUERY SELECT m.consultancy_id, c.name, m.role FROM membership m
    JOIN consultancy c ON c.id = m.consultancy_id
    WHERE m.user_id = p_user_id ORDER BY c.name, c.id;
END $$;

-- Seconds until every given key may try again (0: not locked).
CREATE FUNCTION auth_throttle_wait(p_keys text[]) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT coalesce(max(ceil(extract(epoch FROM locked_until - now())))::integer, 0)
  FROM sign_in_throttle WHERE key = ANY (p_keys) AND locked_until > now() $$;

-- Counts a failure; from p_limit failures on, locks for 2^(failures - p_limit) × 30 s (≤ 1 h).
-- Counters older than an hour without a failure start again from zero.
CREATE FUNCTION auth_throttle_fail(p_key text, p_limit integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n integer;
BEGIN
  INSERT INTO sign_in_throttle AS t (key, failures) VALUES (p_key, 1)
  ON CONFLICT (key) DO UPDATE SET
    failures = CASE WHEN t.updated_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END,
    updated_at = now()
  RETURNING failures INTO n;
  IF n >= p_limit THEN
    UPDATE sign_in_throttle SET locked_until =
      now() + least(3600, 30 * power(2, least(n - p_limit, 20))) * interval '1 second'
    WHERE key = p_key;
  END IF;
  RETURN n;
END $$;

CREATE FUNCTION auth_throttle_clear(p_key text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM sign_in_throttle WHERE key = p_key $$;

-- Stores a reset token for the person with this e-mail; returns their id (none: unknown e-mail).
CREATE FUNCTION auth_create_reset(p_email text, p_hash bytea, p_ttl_seconds integer)
  RETURNS TABLE (user_id uuid, name text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE u record;
BEGIN
  PERFORM set_config('candor.auth_lookup', 'on', true);
  SELECT a.id, a.name INTO u FROM app_user a WHERE lower(a.email) = lower(p_email);
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO password_reset (token_hash, user_id, expires_at)
    VALUES (p_hash, u.id, now() + p_ttl_seconds * interval '1 second');
  user_id := u.id; name := u.name;
  RETURN NEXT;
END $$;

-- Uses a reset token once; returns the person's id, or NULL for an unknown, used or old token.
CREATE FUNCTION auth_consume_reset(p_hash bytea) RETURNS uuid
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE password_reset SET used_at = now()
  WHERE token_hash = p_hash AND used_at IS NULL AND expires_at > now()
  RETURNING user_id $$;

-- The person with this e-mail, if any (accepting an invitation joins an existing account).
CREATE FUNCTION auth_user_by_email(p_email text) RETURNS uuid
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.auth_lookup', 'on', true);
  RETURN (SELECT a.id FROM app_user a WHERE lower(a.email) = lower(p_email));
END $$;

-- An API key by its public prefix, before its tenant is known; the caller compares the hash.
CREATE FUNCTION auth_api_key(p_prefix text)
  RETURNS TABLE (consultancy_id uuid, id uuid, secret_hash bytea, scopes text[],
                 store_ids uuid[], created_by uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.auth_lookup', 'on', true);
  RETURN QUERY SELECT k.consultancy_id, k.id, k.secret_hash, k.scopes, k.store_ids, k.created_by
    FROM api_key k WHERE k.prefix = p_prefix AND k.revoked_at IS NULL
    AND (k.expires_at IS NULL OR k.expires_at > now());
END $$;

CREATE FUNCTION auth_is_platform_admin(p_user_id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM platform_admin WHERE user_id = p_user_id) $$;

-- Tenants as platform staff see them: name and counts, never stores, people or evidence. Each
-- refuses unless p_admin is a platform admin, so the app role cannot list tenants for anyone.
CREATE FUNCTION platform_consultancies(p_admin uuid, p_after_name text, p_after_id uuid,
  p_limit integer)
  RETURNS TABLE (id uuid, name text, created_at timestamptz, store_count bigint,
                 member_count bigint)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT auth_is_platform_admin(p_admin) THEN
    RAISE EXCEPTION 'not a platform admin' USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('candor.auth_lookup', 'on', true);
  RETURN QUERY SELECT c.id, c.name, c.created_at,
      (SELECT count(*) FROM store s WHERE s.consultancy_id = c.id),
      (SELECT count(*) FROM membership m WHERE m.consultancy_id = c.id)
    FROM consultancy c
    WHERE p_after_id IS NULL OR (lower(c.name), c.id) > (lower(p_after_name), p_after_id)
    ORDER BY lower(c.name), c.id LIMIT p_limit;
END $$;

CREATE FUNCTION platform_consultancy_count(p_admin uuid) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT auth_is_platform_admin(p_admin) THEN
    RAISE EXCEPTION 'not a platform admin' USING ERRCODE = '42501';
  END IF;
  PERFORM set_config('candor.auth_lookup', 'on', true);
  RETURN (SELECT count(*) FROM consultancy);
END $$;

REVOKE ALL ON FUNCTION auth_is_platform_admin(uuid),
  platform_consultancies(uuid, text, uuid, integer), platform_consultancy_count(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_is_platform_admin(uuid),
  platform_consultancies(uuid, text, uuid, integer), platform_consultancy_count(uuid)
  TO ${APP_GROUP_ROLE};

REVOKE ALL ON FUNCTION auth_credential_for(text), auth_password_hash(uuid),
  auth_set_password(uuid, text), auth_memberships(uuid), auth_throttle_wait(text[]),
  auth_throttle_fail(text, integer), auth_throttle_clear(text), auth_api_key(text),
  auth_create_reset(text, bytea, integer), auth_consume_reset(bytea), auth_user_by_email(text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_credential_for(text), auth_password_hash(uuid),
  auth_set_password(uuid, text), auth_memberships(uuid), auth_throttle_wait(text[]),
  auth_throttle_fail(text, integer), auth_throttle_clear(text), auth_api_key(text),
  auth_create_reset(text, bytea, integer), auth_consume_reset(bytea), auth_user_by_email(text)
  TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE ON invitation TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_token TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE ON api_key TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, DELETE ON agent_identity TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION platform_consultancy_count(uuid);
DROP FUNCTION platform_consultancies(uuid, text, uuid, integer);
DROP FUNCTION auth_is_platform_admin(uuid);
DROP FUNCTION auth_user_by_email(text);
DROP FUNCTION auth_consume_reset(bytea);
DROP FUNCTION auth_create_reset(text, bytea, integer);
DROP FUNCTION auth_api_key(text);
DROP FUNCTION auth_throttle_clear(text);
DROP FUNCTION auth_throttle_fail(text, integer);
DROP FUNCTION auth_throttle_wait(text[]);
DROP FUNCTION auth_memberships(uuid);
DROP FUNCTION auth_set_password(uuid, text);
DROP FUNCTION auth_password_hash(uuid);
DROP FUNCTION auth_credential_for(text);
DROP POLICY auth_lookup ON store;
DROP POLICY auth_lookup ON api_key;
DROP POLICY auth_lookup ON membership;
DROP POLICY auth_lookup ON app_user;
DROP POLICY auth_lookup ON consultancy;
${dropTenantRlsSql('agent_identity')}
${dropTenantRlsSql('api_key')}
${dropTenantRlsSql('invitation')}
${dropTenantRlsSql('refresh_token')}
DROP TABLE agent_identity;
DROP TABLE platform_admin;
DROP TABLE api_key;
DROP TABLE password_reset;
DROP TABLE invitation;
DROP TABLE refresh_token;
DROP TABLE sign_in_throttle;
DROP TABLE user_credential;`);
  }
}
