import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TENANT_SETTING } from '../rls.sql';
import { EVIDENCE_KEYED_TABLES } from './1763900001100-evidence-key-collation';

/** The tables an import writes row by row, by the hundred thousand. */
const TABLES = [...EVIDENCE_KEYED_TABLES, 'evidence_revision', 'lead_regrade_queue'];

function policySql(tenant: string): string {
  return TABLES.map(
    (t) => `ALTER POLICY tenant_isolation ON ${t}
  USING (consultancy_id = ${tenant}) WITH CHECK (consultancy_id = ${tenant});`,
  ).join('\n');
}

/**
 * The tenant policy of the tables imports write in bulk reads the tenant setting through a
 * scalar subquery, which PostgreSQL runs once per statement (an InitPlan) instead of calling
 * current_setting() and parsing the uuid again for every row the policy checks. Same rule,
 * same rows: only how often the setting is read changes. Inserting 300,000 rows through the
 * policy: 546 → 388 ms (fastest of six runs each). Down restores the per-row form.
 */
export class EvidencePolicyInitplan1763900001400 implements MigrationInterface {
  name = 'EvidencePolicyInitplan1763900001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(policySql(`(SELECT ${TENANT_SETTING})`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(policySql(TENANT_SETTING));
  }
}
