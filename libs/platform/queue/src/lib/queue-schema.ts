import PgBoss from 'pg-boss';
import { Client } from 'pg';
import { APP_GROUP_ROLE } from '@candor/platform-database';
import { QUEUE_DEFINITIONS, QUEUE_SCHEMA } from './queues';

/**
 * Installs or migrates pg-boss's schema and creates Candor's queues, as the OWNER role (run it
 * next to the SQL migrations). Creating a queue creates a table, so the app role, which owns
 * nothing, must not do it; it gets only the grants it needs to send, fetch and maintain jobs.
 * Idempotent: pg-boss serializes its own migrations with an advisory lock.
 */
export async function ensureQueueSchema(ownerUrl: string): Promise<void> {
  const lock = new Client({ connectionString: ownerUrl, application_name: 'candor-queue-migrate' });
  await lock.connect();
  try {
    // Replicas starting together would otherwise race on CREATE TABLE and on the grants.
    await lock.query(`SELECT pg_advisory_lock(hashtext('candor.queue-schema'))`);
    await installAndCreateQueues(ownerUrl);
    await lock.query(`
GRANT USAGE ON SCHEMA ${QUEUE_SCHEMA} TO ${APP_GROUP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_GROUP_ROLE};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${QUEUE_SCHEMA} TO ${APP_GROUP_ROLE};
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ${QUEUE_SCHEMA} FROM PUBLIC;`);
  } finally {
    await lock.end();
  }
}

async function installAndCreateQueues(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: QUEUE_SCHEMA,
    application_name: 'candor-queue-migrate',
    max: 2,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    for (const q of QUEUE_DEFINITIONS) {
      if (!(await boss.getQueue(q.name))) {
        await boss.createQueue(q.name, { name: q.name, policy: q.policy });
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
