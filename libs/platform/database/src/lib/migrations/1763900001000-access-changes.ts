import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACCESS_CHANGE_CHANNEL } from '../tenant-changes';

/** Tables whose rows decide who may do what in a consultancy (see AccessCache). */
const ACCESS_TABLES = ['membership', 'membership_store', 'agent_identity', 'store'];

/**
 * Triggers that announce, on commit, that a consultancy's access rules changed: a membership
 * added, removed or given another role, a store assignment or agent link changed, a store
 * changed or removed, an API key revoked or re-scoped. The payload is only the consultancy id.
 * Every API process LISTENs and drops its cached grants of that consultancy, so a revocation
 * takes effect on the next request after the notification, in every process.
 *
 * `api_key` announces only changes of the columns that grant access; `last_used_at` (written at
 * most once a minute per key) stays silent.
 */
export class AccessChanges1763900001000 implements MigrationInterface {
  name = 'AccessChanges1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION announce_access_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${ACCESS_CHANGE_CHANNEL}',
    (CASE WHEN TG_OP = 'DELETE' THEN OLD.consultancy_id ELSE NEW.consultancy_id END)::text);
  IF TG_OP = 'UPDATE' AND OLD.consultancy_id IS DISTINCT FROM NEW.consultancy_id THEN
    PERFORM pg_notify('${ACCESS_CHANGE_CHANNEL}', OLD.consultancy_id::text);
  END IF;
  RETURN NULL;
END $$;
${ACCESS_TABLES.map(
  (t) => `CREATE TRIGGER announce_access_change AFTER INSERT OR UPDATE OR DELETE ON ${t}
  FOR EACH ROW EXECUTE FUNCTION announce_access_change();`,
).join('\n')}
CREATE TRIGGER announce_access_change AFTER INSERT OR DELETE ON api_key
  FOR EACH ROW EXECUTE FUNCTION announce_access_change();
CREATE TRIGGER announce_access_grant_change
  AFTER UPDATE OF revoked_at, expires_at, scopes, store_ids, created_by, secret_hash, prefix
  ON api_key FOR EACH ROW EXECUTE FUNCTION announce_access_change();`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${ACCESS_TABLES.map((t) => `DROP TRIGGER announce_access_change ON ${t};`).join('\n')}
DROP TRIGGER announce_access_change ON api_key;
DROP TRIGGER announce_access_grant_change ON api_key;
DROP FUNCTION announce_access_change();`);
  }
}
