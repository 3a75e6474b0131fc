-- Candor's PostgreSQL roles for a server you run yourself (the embedded mode and the tests do
-- the same thing through provisionDatabase()). Run once as a superuser, with psql variables:
--
--   psql -v owner_password="$OWNER_PW" -v app_password="$APP_PW" -f infra/postgres/roles.sql
--
-- candor_owner  owns the schema and runs the migrations (DATABASE_OWNER_URL).
-- candor_app    NOLOGIN group the migrations grant table privileges to; owns nothing, no BYPASSRLS.
-- candor_api    the login the API and worker use (DATABASE_URL); a member of candor_app.
SELECT 'CREATE ROLE candor_owner LOGIN NOSUPERUSER NOBYPASSRLS'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'candor_owner') \gexec
SELECT 'CREATE ROLE candor_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'candor_app') \gexec
SELECT 'CREATE ROLE candor_api LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS'
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'candor_api') \gexec
ALTER ROLE candor_owner PASSWORD :'owner_password';
ALTER ROLE candor_api PASSWORD :'app_password';
GRANT candor_app TO candor_api;
SELECT 'CREATE DATABASE candor OWNER candor_owner'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'candor') \gexec
REVOKE ALL ON DATABASE candor FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE candor TO candor_app;
