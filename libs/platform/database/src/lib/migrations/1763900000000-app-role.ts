import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE } from '../rls.sql';

/**
 * The group role every application login belongs to. Created idempotently (another database on
 * the same cluster may have created it already); it has no LOGIN, owns nothing and cannot bypass
 * row-level security. Deployments grant it to their login role (see infra/postgres/roles.sql).
 */
export class AppRole1763900000000 implements MigrationInterface {
  name = 'AppRole1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
    CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
GRANT USAGE ON SCHEMA public TO ${APP_GROUP_ROLE};
GRANT SELECT ON schema_migrations TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The role is shared by every Candor database on the cluster, so it is left in place.
    await q.query(`
REVOKE SELECT ON schema_migrations FROM ${APP_GROUP_ROLE};
REVOKE USAGE ON SCHEMA public FROM ${APP_GROUP_ROLE};`);
  }
}
