import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_GROUP_ROLE, dropTenantRlsSql, tenantRlsSql } from '../rls.sql';

/**
 * The audit trail: append-only (the app role may INSERT and SELECT, nothing else) and
 * hash-chained per consultancy: each row stores the hash of the one before it (seq - 1), so an
 * edited or deleted row breaks the chain at a seq that verification can name.
 */
export class Audit1763900000300 implements MigrationInterface {
  name = 'Audit1763900000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE audit_event (
  consultancy_id uuid NOT NULL REFERENCES consultancy (id) ON DELETE CASCADE,
  seq bigint NOT NULL CHECK (seq > 0),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'anonymous')),
  actor_id uuid,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  before jsonb,
  after jsonb,
  details jsonb,
  ip text,
  user_agent text,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (consultancy_id, seq),
  UNIQUE (consultancy_id, id)
);
CREATE INDEX audit_event_by_time ON audit_event (consultancy_id, occurred_at);
${tenantRlsSql('audit_event')}
GRANT SELECT, INSERT ON audit_event TO ${APP_GROUP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${dropTenantRlsSql('audit_event')}
DROP TABLE audit_event;`);
  }
}
