import { Client } from 'pg';
import { APP_GROUP_ROLE } from './rls.sql';

export interface ProvisionOptions {
  /** A superuser (or CREATEROLE + CREATEDB) connection to the cluster's maintenance database. */
  adminUrl: string;
  database: string;
  ownerRole: string;
  ownerPassword: string;
  appRole: string;
  appPassword: string;
}

export interface ProvisionedUrls {
  ownerUrl: string;
  appUrl: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Not a safe PostgreSQL identifier: ${name}`);
  return name;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The URL of `database` on the admin URL's server, signed in as `role`. */
export function urlFor(adminUrl: string, database: string, role: string, password: string): string {
  const url = new URL(adminUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates (idempotently) an owner role, an application login role that is a member of the
 * NOLOGIN `candor_app` group, and a database owned by the owner role. The login role owns nothing
 * and has no BYPASSRLS. Used by the embedded mode, the test harness and `candor db provision`.
 */
export async function provisionDatabase(o: ProvisionOptions): Promise<ProvisionedUrls> {
  const owner = ident(o.ownerRole);
  const app = ident(o.appRole);
  const database = ident(o.database);
  const admin = new Client({ connectionString: o.adminUrl });
  await admin.connect();
  try {
    await admin.query(`
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
    CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN
    CREATE ROLE ${owner} LOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app}') THEN
    CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
ALTER ROLE ${owner} PASSWORD ${literal(o.ownerPassword)};
ALTER ROLE ${app} PASSWORD ${literal(o.appPassword)};
GRANT ${APP_GROUP_ROLE} TO ${app};`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE ${database} OWNER ${owner}`);
    }
    await admin.query(`REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${APP_GROUP_ROLE};`);
  } finally {
    await admin.end();
  }
  return {
    ownerUrl: urlFor(o.adminUrl, database, owner, o.ownerPassword),
    appUrl: urlFor(o.adminUrl, database, app, o.appPassword),
  };
}

/** Drops a provisioned database and its two roles (test runs clean up after themselves). */
export async function dropProvisionedDatabase(
  adminUrl: string,
  names: Pick<ProvisionOptions, 'database' | 'ownerRole' | 'appRole'>,
): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${ident(names.database)} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${ident(names.appRole)}`);
    await admin.query(`DROP ROLE IF EXISTS ${ident(names.ownerRole)}`);
  } finally {
    await admin.end();
  }
}
