import type { DataSource } from 'typeorm';
import {
  ConnectorCursorRepository,
  ConnectorRepository,
  DeadLetterRepository,
  RegradeRequestRepository,
  type SecretBox,
} from '@candor/connectors-data-access';
import { JobQueue, QUEUES, type RetryPolicy } from '@candor/platform-queue';
import { DEFAULT_RUNNING_MINUTES, type PolicyProvider } from '@candor/reports-data-access';
import { ConnectorSyncJob } from './jobs/connector-sync.job';
import { EvidenceImportJob } from './jobs/evidence-import.job';
import { EvidenceRegradeJob } from './jobs/evidence-regrade.job';
import { PeriodicTick } from './jobs/periodic-tick';
import { type RefreshListener, ReportsRefreshJob } from './jobs/reports-refresh.job';
import { ReportsScheduler } from './jobs/reports-scheduler';
import { SyncScheduler } from './jobs/sync-scheduler';
import type { PullConnectorRegistry } from './ports/connector-registry.port';
import type { EvidenceSink } from './ports/evidence-sink.port';

export interface WorkerOptions {
  ds: DataSource;
  /** The app role's URL for the queue's own connections. */
  queueUrl: string;
  secrets: SecretBox | null;
  registry: PullConnectorRegistry;
  sink: EvidenceSink;
  pollingIntervalSeconds?: number;
  /** 0 turns the scheduler off (tests queue syncs themselves). */
  scheduleEveryMs?: number;
  syncRetry?: RetryPolicy;
  regradeRetry?: RetryPolicy;
  /** The policy each store is graded with. */
  policyFor: PolicyProvider;
  /** Running periods' reports are graded again once older than this (default 15). */
  reportRunningMinutes?: number;
  /** How often stores with report work are looked for; 0 turns it off (default 30 s). */
  reportsEveryMs?: number;
  onReportsRefreshed?: RefreshListener;
  onError?: (error: unknown) => void;
}

export interface RunningWorker {
  queue: JobQueue;
  scheduler: SyncScheduler;
  reportsScheduler: ReportsScheduler;
  stop(): Promise<void>;
}

/** Connects the queue and registers every job handler (used by main.ts and the tests). */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const onError = o.onError ?? (() => undefined);
  const queue = await JobQueue.start({
    url: o.queueUrl,
    pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2,
    onError,
  });
  const sync = new ConnectorSyncJob({
    ds: o.ds,
    queue,
    connectors: new ConnectorRepository(o.secrets),
    cursors: new ConnectorCursorRepository(),
    deadLetters: new DeadLetterRepository(),
    registry: o.registry,
    sink: o.sink,
    ...(o.regradeRetry ? { regradeRetry: o.regradeRetry } : {}),
  });
  await queue.register(QUEUES.connectorSync, sync);
  await queue.register(
    QUEUES.evidenceRegrade,
    new EvidenceRegradeJob(o.ds, new RegradeRequestRepository()),
  );
  await queue.register(QUEUES.evidenceImport, new EvidenceImportJob(o.ds));
  const runningMinutes = o.reportRunningMinutes ?? DEFAULT_RUNNING_MINUTES;
  await queue.register(
    QUEUES.reportsRefresh,
    new ReportsRefreshJob({
      ds: o.ds,
      policyFor: o.policyFor,
      runningMinutes,
      ...(o.onReportsRefreshed ? { onRefreshed: o.onReportsRefreshed } : {}),
    }),
  );
  const scheduler = new SyncScheduler(o.ds, queue, o.syncRetry);
  const reportsScheduler = new ReportsScheduler(o.ds, queue, runningMinutes);
  const ticks = [
    { tick: new PeriodicTick(() => scheduler.tick()), every: o.scheduleEveryMs ?? 60_000 },
    { tick: new PeriodicTick(() => reportsScheduler.tick()), every: o.reportsEveryMs ?? 30_000 },
  ];
  for (const t of ticks) if (t.every > 0) t.tick.start(t.every, onError);
  return {
    queue,
    scheduler,
    reportsScheduler,
    async stop() {
      await Promise.all(ticks.map((t) => t.tick.stop()));
      await queue.stop();
    },
  };
}
