import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Consultancy (the tenant), dealer group, store, person and membership. Every tenant-owned key
 * leads with consultancy_id, so a foreign key can never point into another tenant and tables can
 * later be distributed by consultancy (Citus) without rewrites.
 */
export class Tenancy1763900000100 implements MigrationInterface {
  name = 'Tenancy1763900000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE consultancy (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE consultancy ENABLE ROW LEVEL SECURITY;
ALTER TABLE consultancy FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON consultancy
  USING (id = NULLIF(current_setting('app.consultancy_id', true), '')::uuid)
  WITH CHECK (id = NULLIF(current_setting('app.consultancy_id', true), '')::uuid);

CREATE TABLE dealer_group (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id)
);
${tenantRlsSql('dealer_group')}

CREATE TABLE store (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  dealer_group_id uuid,
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  names text[] NOT NULL DEFAULT '{}',
  time_zone text NOT NULL,
  business_hours jsonb NOT NULL,
  email_domains text[] NOT NULL DEFAULT '{}',
  phone_numbers text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, id),
  UNIQUE (consultancy_id, external_id),
  FOREIGN KEY (consultancy_id, dealer_group_id) REFERENCES dealer_group (consultancy_id, id)
    ON DELETE SET NULL (dealer_group_id)
);
CREATE INDEX store_by_name ON store (consultancy_id, lower(name), id);
${tenantRlsSql('store')}

-- A person may belong to several consultancies, so people are not tenant-owned; a consultancy
-- sees only the people who hold one of its memberships (membership is itself filtered by RLS).
CREATE TABLE app_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email LIKE '%_@_%'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email ON app_user (lower(email));

CREATE TABLE membership (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  role text NOT NULL
    CHECK (role IN ('consultancy_owner', 'consultant', 'dealer_manager', 'dealer_agent')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, user_id)
);
CREATE INDEX membership_by_user ON membership (user_id);
${tenantRlsSql('membership')}

CREATE TABLE membership_store (
  consultancy_id uuid NOT NULL,
  user_id uuid NOT NULL,
  store_id uuid NOT NULL,
  PRIMARY KEY (consultancy_id, user_id, store_id),
  FOREIGN KEY (consultancy_id, user_id) REFERENCES membership (consultancy_id, user_id)
    ON DELETE CASCADE,
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
CREATE INDEX membership_store_by_store ON membership_store (consultancy_id, store_id);
${tenantRlsSql('membership_store')}

ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
CREATE POLICY member_of_tenant ON app_user FOR SELECT
  USING (EXISTS (SELECT 1 FROM membership m WHERE m.user_id = app_user.id));
CREATE POLICY update_member_of_tenant ON app_user FOR UPDATE
  USING (EXISTS (SELECT 1 FROM membership m WHERE m.user_id = app_user.id));
CREATE POLICY insert_person ON app_user FOR INSERT WITH CHECK (true);

GRANT SELECT, INSERT, UPDATE ON consultancy TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON dealer_group, store, membership, membership_store
  TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE ON app_user TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${dropTenantRlsSql('membership_store')}
${dropTenantRlsSql('membership')}
${dropTenantRlsSql('store')}
${dropTenantRlsSql('dealer_group')}
DROP TABLE membership_store;
DROP TABLE membership;
DROP TABLE app_user;
DROP TABLE store;
DROP TABLE dealer_group;
DROP TABLE consultancy;`);
  }
}
