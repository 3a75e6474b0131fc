import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * The scoring engine's per-lead facts of each final report, so that late evidence re-grades a
 * report by recomputing only the leads it touched. A cache, not a record: losing it costs time,
 * never a result (a report without one is graded from scratch). Kept only for reports whose
 * period ended recently, where late evidence lands.
 */
export class ReportFactCache1763900001000 implements MigrationInterface {
  name = 'ReportFactCache1763900001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE report_fact_cache (
  consultancy_id uuid NOT NULL,
  report_id uuid NOT NULL,
  store_id uuid NOT NULL,
  period_end timestamptz NOT NULL,
  lead_count integer NOT NULL,
  -- gzip of the engine's facts, in the format named by format (unknown formats are ignored).
  format text NOT NULL,
  facts bytea NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, report_id),
  FOREIGN KEY (consultancy_id, report_id) REFERENCES store_report (consultancy_id, id)
    ON DELETE CASCADE
);
CREATE INDEX report_fact_cache_by_end ON report_fact_cache (consultancy_id, store_id, period_end);
${tenantRlsSql('report_fact_cache')}
GRANT SELECT, INSERT, UPDATE, DELETE ON report_fact_cache TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${dropTenantRlsSql('report_fact_cache')}
DROP TABLE report_fact_cache;`);
  }
}
