import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TENANT_CHANGE_CHANNEL } from '../tenant-changes';

/**
 * Tables whose rows the API keeps in memory (TenantCache): who may do what (memberships, store
 * assignments, agent links, stores) and what a scorecard shows (stored reports, their findings,
 * policy versions).
 */
const ANNOUNCED_TABLES = [
  'membership',
  'membership_store',
  'agent_identity',
  'store',
  'store_report',
  'report_finding',
  'policy_version',
];

/**
 * Triggers that announce, on commit, that a consultancy's cached rows changed: a membership
 * added, removed or given another role, a store assignment or agent link changed, a store
 * changed or removed, an API key revoked or re-scoped, a report graded, marked stale or removed,
 * a policy version added. The payload is only the consultancy id. Every API process LISTENs
 * (TenantChanges) and drops what it cached for that consultancy, so a revocation takes effect on
 * the next request after the notification, in every process. Identical notifications of one
 * transaction are delivered once, so a bulk write announces its consultancy once.
 *
 * `report_finding` announces per statement (a grading writes thousands of rows); `api_key`
 * announces only changes of the columns that grant access, so `last_used_at` stays silent.
 */
export class TenantChanges1763900001000 implements MigrationInterface {
  name = 'TenantChanges1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION announce_tenant_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${TENANT_CHANGE_CHANNEL}',
    (CASE WHEN TG_OP = 'DELETE' THEN OLD.consultancy_id ELSE NEW.consultancy_id END)::text);
  IF TG_OP = 'UPDATE' AND OLD.consultancy_id IS DISTINCT FROM NEW.consultancy_id THEN
    PERFORM pg_notify('${TENANT_CHANGE_CHANNEL}', OLD.consultancy_id::text);
  END IF;
  RETURN NULL;
END $$;
-- Statement level: every row of the statement belongs to the tenant in app.consultancy_id
-- (RLS), and the owner's bulk work sets it too; a statement without it announces to all.
CREATE FUNCTION announce_tenant_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${TENANT_CHANGE_CHANNEL}',
    coalesce(nullif(current_setting('app.consultancy_id', true), ''), '*'));
  RETURN NULL;
END $$;
${ANNOUNCED_TABLES.filter((t) => t !== 'report_finding')
  .map(
    (t) => `CREATE TRIGGER announce_tenant_change AFTER INSERT OR UPDATE OR DELETE ON ${t}
  FOR EACH ROW EXECUTE FUNCTION announce_tenant_change();`,
  )
  .join('\n')}
CREATE TRIGGER announce_tenant_change AFTER INSERT OR UPDATE OR DELETE ON report_finding
  FOR EACH STATEMENT EXECUTE FUNCTION announce_tenant_statement();
CREATE TRIGGER announce_tenant_change AFTER INSERT OR DELETE ON api_key
  FOR EACH ROW EXECUTE FUNCTION announce_tenant_change();
CREATE TRIGGER announce_tenant_grant_change
  AFTER UPDATE OF revoked_at, expires_at, scopes, store_ids, created_by, secret_hash, prefix
  ON api_key FOR EACH ROW EXECUTE FUNCTION announce_tenant_change();`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${ANNOUNCED_TABLES.map((t) => `DROP TRIGGER announce_tenant_change ON ${t};`).join('\n')}
DROP TRIGGER announce_tenant_change ON api_key;
DROP TRIGGER announce_tenant_grant_change ON api_key;
DROP FUNCTION announce_tenant_statement();
DROP FUNCTION announce_tenant_change();`);
  }
}
