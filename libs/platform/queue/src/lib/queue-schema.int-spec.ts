import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '@candor/platform-testing';
import { JobQueue } from './job-queue';
import { ensureQueueSchema } from './queue-schema';
import { QUEUE_DEFINITIONS, QUEUES } from './queues';

async function asApp<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabase().appUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the queue schema', () => {
  let queue: JobQueue;

  beforeAll(async () => {
    // Twice: a second worker replica starting must not fail.
    await ensureQueueSchema(testDatabase().ownerUrl);
    await ensureQueueSchema(testDatabase().ownerUrl);
    queue = await JobQueue.start({ url: testDatabase().appUrl, maintain: false });
  });

  afterAll(() => queue?.stop());

  it("creates Candor's queues with their policies", async () => {
    const rows = await asApp((c) =>
      c.query<{ name: string; policy: string }>(
        'SELECT name, policy FROM pgboss.queue ORDER BY name',
      ),
    );
    for (const q of QUEUE_DEFINITIONS) {
      expect(rows.rows).toContainEqual({ name: q.name, policy: q.policy });
    }
  });

  it('lets the app role queue jobs but not create queues or tables', async () => {
    // Held back an hour, so a worker of another test file on this database never takes it.
    const id = await queue.send(
      QUEUES.evidenceRegrade,
      { consultancyId: '00000000-0000-4000-8000-000000000001' },
      { startAfterSeconds: 3600 },
    );
    expect(await queue.jobState(QUEUES.evidenceRegrade, id!)).toBe('created');
    await asApp(async (c) => {
      await expect(c.query('CREATE TABLE pgboss.sneaky (id int)')).rejects.toThrow(
        /permission denied/,
      );
      await expect(c.query(`SELECT pgboss.create_queue('sneaky', '{}'::json)`)).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  it('keeps one waiting sync per connector on the stately queue', async () => {
    const data = { consultancyId: '00000000-0000-4000-8000-000000000001', connectorId: 'c-1' };
    const later = { startAfterSeconds: 3600 };
    const first = await queue.send(QUEUES.connectorSync, data, { singletonKey: 'c-1', ...later });
    const second = await queue.send(QUEUES.connectorSync, data, { singletonKey: 'c-1', ...later });
    const other = await queue.send(QUEUES.connectorSync, data, { singletonKey: 'c-2', ...later });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(other).not.toBeNull();
  });
});
