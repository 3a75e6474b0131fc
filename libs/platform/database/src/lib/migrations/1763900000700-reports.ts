import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * Materialized reports: the scoring engine's report per store × period (a store-local day, ISO
 * week, month, or a custom window), so the API reads scorecards instead of grading on every
 * request. A report is refreshed in place (same id) when new evidence of its leads lands, when
 * its policy changes, or, while its period is still running, as time passes. Findings are rows
 * of their own, keyed by a stable finding key, so they can be filtered and paged, keep their
 * ids across refreshes, and remember when they were first found.
 */
export class Reports1763900000700 implements MigrationInterface {
  name = 'Reports1763900000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE store_report (
  consultancy_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  store_id uuid NOT NULL,
  granularity text NOT NULL CHECK (granularity IN ('day', 'week', 'month', 'custom')),
  period_start timestamptz NOT NULL,
  period_end timestamptz NOT NULL CHECK (period_end > period_start),
  label text NOT NULL,
  as_of timestamptz NOT NULL,
  policy_version text NOT NULL,
  overall_score double precision,
  letter text,
  finding_count integer NOT NULL,
  -- The engine's store report without its findings (those are report_finding rows).
  report jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  -- Set when evidence of the period changed or its policy did; cleared by the next refresh.
  stale boolean NOT NULL DEFAULT false,
  PRIMARY KEY (consultancy_id, id),
  UNIQUE (consultancy_id, store_id, granularity, period_start, period_end),
  FOREIGN KEY (consultancy_id, store_id) REFERENCES store (consultancy_id, id) ON DELETE CASCADE
);
-- Running periods are refreshed as time passes: find them without scanning every report.
CREATE INDEX store_report_running ON store_report (consultancy_id, store_id)
  WHERE as_of < period_end;
${tenantRlsSql('store_report')}

CREATE TABLE report_finding (
  consultancy_id uuid NOT NULL,
  report_id uuid NOT NULL,
  finding_key text NOT NULL,
  seq integer NOT NULL,
  store_id uuid NOT NULL,
  metric_id text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  lead_external_id text,
  user_external_id text,
  event_ids text[] NOT NULL,
  message text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consultancy_id, report_id, finding_key),
  FOREIGN KEY (consultancy_id, report_id) REFERENCES store_report (consultancy_id, id)
    ON DELETE CASCADE
);
-- Pages in report order (seq is rewritten by each refresh, so it is not a key).
CREATE INDEX report_finding_in_order ON report_finding (consultancy_id, report_id, seq);
${tenantRlsSql('report_finding')}

-- Stores with work for the report refresher, across tenants, for the worker's scheduler (which
-- has no tenant): leads queued for re-grading, stale reports, and running periods last
-- computed more than p_running_minutes ago. Ids only; the refresh runs inside each tenant.
CREATE FUNCTION report_refresh_due(p_running_minutes integer, p_limit integer)
  RETURNS TABLE (consultancy_id uuid, store_id uuid)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM set_config('candor.report_scheduler', 'on', true);
  RETURN QUERY SELECT d.consultancy_id, d.store_id FROM (
      SELECT q.consultancy_id, q.store_id FROM lead_regrade_queue q
      UNION
      SELECT r.consultancy_id, r.store_id FROM store_report r
        WHERE r.stale OR (r.as_of < r.period_end AND r.granularity <> 'custom'
          AND r.computed_at <= now() - p_running_minutes * interval '1 minute')
    ) d
    ORDER BY d.consultancy_id, d.store_id
    LIMIT greatest(p_limit, 0);
  PERFORM set_config('candor.report_scheduler', 'off', true);
END $$;

DO $$
BEGIN
  EXECUTE format(
    'CREATE POLICY report_scheduler ON lead_regrade_queue FOR SELECT TO %I
       USING (current_setting(''candor.report_scheduler'', true) = ''on'')', current_user);
  EXECUTE format(
    'CREATE POLICY report_scheduler ON store_report FOR SELECT TO %I
       USING (current_setting(''candor.report_scheduler'', true) = ''on'')', current_user);
END $$;

-- A store's settings (zone, hours, domains, lines, names) are what it is graded with: when they
-- change, its reports turn stale. Runs as the updating role, so RLS keeps it in its tenant.
CREATE FUNCTION store_reports_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_report r SET stale = true
    WHERE r.consultancy_id = NEW.consultancy_id AND r.store_id = NEW.id AND NOT r.stale;
  RETURN NULL;
END $$;
CREATE TRIGGER store_settings_regrade AFTER UPDATE ON store FOR EACH ROW
  WHEN ((OLD.name, OLD.names, OLD.time_zone, OLD.business_hours, OLD.email_domains, OLD.phone_numbers)
    IS DISTINCT FROM (NEW.name, NEW.names, NEW.time_zone, NEW.business_hours, NEW.email_domains, NEW.phone_numbers))
  EXECUTE FUNCTION store_reports_stale();

REVOKE ALL ON FUNCTION report_refresh_due(integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_refresh_due(integer, integer) TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON store_report, report_finding TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TRIGGER store_settings_regrade ON store;
DROP FUNCTION store_reports_stale();
DROP FUNCTION report_refresh_due(integer, integer);
DROP POLICY report_scheduler ON store_report;
DROP POLICY report_scheduler ON lead_regrade_queue;
${dropTenantRlsSql('report_finding')}
${dropTenantRlsSql('store_report')}
DROP TABLE report_finding;
DROP TABLE store_report;`);
  }
}
