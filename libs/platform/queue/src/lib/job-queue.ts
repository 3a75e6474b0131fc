import PgBoss from 'pg-boss';
import { PermanentJobError } from './permanent-job.error';
import { QUEUE_SCHEMA, type QueueName } from './queues';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface JobQueueOptions {
  /** The APP role's URL: the queue schema must already exist (ensureQueueSchema). */
  url: string;
  /** How often an idle worker looks for jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Run pg-boss maintenance (expiry, archiving) from this process. */
  maintain?: boolean;
  poolSize?: number;
  onError?: (error: Error) => void;
}

/** Every job carries its tenant; handlers enter it with runInTenant and trust nothing else. */
export interface TenantJobData {
  consultancyId: string;
}

/** What a handler learns about the job it runs. */
export interface JobInfo<T> {
  id: string;
  name: string;
  data: T;
  /** 1 for the first attempt. */
  attempt: number;
  /** True on the last attempt the retry policy allows. */
  isLastAttempt: boolean;
}

export interface JobRegistration<T> {
  /** Runs one job; throwing fails this attempt (retried per the policy). */
  handle(job: JobInfo<T>): Promise<void>;
  /**
   * Called once when the last attempt failed, before the job is marked failed: the place to
   * write a dead letter a person can see. Its own errors are reported, not thrown.
   */
  onExhausted?(job: JobInfo<T>, error: unknown): Promise<void>;
}

export interface SendOptions {
  retry?: RetryPolicy;
  /** With a `stately` queue: at most one waiting and one running job per key. */
  singletonKey?: string;
  /** Not before this many seconds from now. */
  startAfterSeconds?: number;
  /**
   * Queue the job inside this transaction (e.g. a TenantTransaction): it exists only if the
   * transaction commits, together with whatever else the transaction wrote.
   */
  tx?: SqlTransaction;
}

/** Anything that runs SQL in an open transaction and returns rows. */
export interface SqlTransaction {
  query(sql: string, parameters?: unknown[]): Promise<unknown[]>;
}

function inTransaction(tx: SqlTransaction): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.query(text, values) }),
  };
}

/** A thin layer over pg-boss: tenant-carrying jobs, the retry policy and the dead-letter hook. */
export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    private readonly pollingIntervalSeconds: number,
    private readonly onError: (error: Error) => void,
  ) {}

  static async start(options: JobQueueOptions): Promise<JobQueue> {
    const onError = options.onError ?? (() => undefined);
    const boss = new PgBoss({
      connectionString: options.url,
      schema: QUEUE_SCHEMA,
      application_name: 'candor-queue',
      max: options.poolSize ?? 4,
      migrate: false,
      supervise: options.maintain ?? true,
      schedule: false,
    });
    boss.on('error', onError);
    await boss.start();
    return new JobQueue(boss, options.pollingIntervalSeconds ?? 2, onError);
  }

  /** Queues a job; null when a `stately` queue already holds one for the same key. */
  async send<T extends TenantJobData>(
    name: QueueName,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    const retry = options.retry ?? DEFAULT_RETRY_POLICY;
    return this.boss.send(name, data, {
      retryLimit: retry.retryLimit,
      retryDelay: retry.retryDelay,
      retryBackoff: retry.retryBackoff,
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.tx ? { db: inTransaction(options.tx) } : {}),
    });
  }

  /** Starts fetching jobs of `name` one at a time and running them. */
  async register<T extends TenantJobData>(
    name: QueueName,
    registration: JobRegistration<T>,
  ): Promise<void> {
    await this.boss.work<T>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: this.pollingIntervalSeconds },
      async (jobs) => {
        for (const job of jobs) {
          const info: JobInfo<T> = {
            id: job.id,
            name: job.name,
            data: job.data,
            attempt: job.retryCount + 1,
            isLastAttempt: job.retryCount >= job.retryLimit,
          };
          try {
            await registration.handle(info);
          } catch (error) {
            if (error instanceof PermanentJobError && !info.isLastAttempt) {
              await this.spendRetries(name, job.id);
              info.isLastAttempt = true;
            }
            if (info.isLastAttempt && registration.onExhausted) {
              await registration.onExhausted(info, error).catch((hookError: unknown) => {
                this.onError(hookError instanceof Error ? hookError : new Error(String(hookError)));
              });
            }
            throw error;
          }
        }
      },
    );
  }

  /**
   * pg-boss has no "fail without retry": lowering the job's retry limit to what it has used
   * makes the failure the handler is about to throw final (pg-boss 10's job table).
   */
  private async spendRetries(name: string, id: string): Promise<void> {
    await this.boss
      .getDb()
      .executeSql(
        `UPDATE ${QUEUE_SCHEMA}.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`,
        [name, id],
      );
  }

  /** The state of a job (for tests and operators). */
  async jobState(name: QueueName, id: string): Promise<string | null> {
    const job = await this.boss.getJobById(name, id, { includeArchive: true });
    return job?.state ?? null;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}
