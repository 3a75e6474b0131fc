import type { DataSource, QueryRunner } from 'typeorm';
import { CandorException, ErrorCode } from '@candor/shared-errors';

/**
 * A session-level advisory lock on one import run, held on its own connection for the whole
 * import: a second process rerunning the same file while the first is still alive gets CONFLICT
 * instead of committing the same lines twice. A killed process's connection closes, which
 * releases the lock, so the rerun can resume.
 */
export class RunLock {
  private constructor(
    private readonly runner: QueryRunner,
    private readonly key: string,
  ) {}

  static async acquire(ds: DataSource, runId: string): Promise<RunLock> {
    const runner = ds.createQueryRunner();
    const key = `import_run:${runId}`;
    try {
      const rows = (await runner.query(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 7)) AS ok',
        [key],
      )) as { ok: boolean }[];
      if (!rows[0]?.ok) {
        throw new CandorException(
          ErrorCode.Conflict,
          'this file is already being imported into this store by another process',
        );
      }
      return new RunLock(runner, key);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  async release(): Promise<void> {
    try {
      await this.runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 7))', [this.key]);
    } finally {
      await this.runner.release();
    }
  }
}
