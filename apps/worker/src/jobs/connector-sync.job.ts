import type { DataSource } from 'typeorm';
import type { ConnectorContext } from '@candor/connectors-core';
import {
  type ConnectorCursorRepository,
  type ConnectorForSync,
  type ConnectorRepository,
  type DeadLetterRepository,
} from '@candor/connectors-data-access';
import { runInTenant } from '@candor/platform-database';
import {
  type JobInfo,
  type JobQueue,
  type JobRegistration,
  PermanentJobError,
  QUEUES,
  type RetryPolicy,
} from '@candor/platform-queue';
import type { PullConnectorRegistry } from '../ports/connector-registry.port';
import type { EvidenceSink } from '../ports/evidence-sink.port';
import { failureReason, isPermanentFailure } from './failure-reason';
import type { ConnectorSyncData, EvidenceRegradeData } from './job-data';

export interface ConnectorSyncDeps {
  ds: DataSource;
  queue: JobQueue;
  connectors: ConnectorRepository;
  cursors: ConnectorCursorRepository;
  deadLetters: DeadLetterRepository;
  registry: PullConnectorRegistry;
  sink: EvidenceSink;
  regradeRetry?: RetryPolicy;
}

export interface SyncOutcome {
  pages: number;
  accepted: number;
}

const contextOf = (c: ConnectorForSync): ConnectorContext => ({
  storeId: c.store.externalId,
  timeZone: c.store.timeZone,
  emailDomains: c.store.emailDomains,
  phoneNumbers: c.store.phoneNumbers,
});

/**
 * `connector.sync`: pulls a connector's pages from its saved cursor, imports each page, then (in
 * one transaction) saves the page's cursor and queues the leads it touched for re-grading. A
 * retry or a crash therefore resumes after the last saved page. Runs only inside the job's
 * tenant: a connector id of another tenant is simply not found.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ConnectorSyncJob implements JobRegistration<ConnectorSyncData> {
  constructor(private readonly deps: ConnectorSyncDeps) {}

  async handle(job: JobInfo<ConnectorSyncData>): Promise<void> {
    const { ds, connectors, cursors } = this.deps;
    const scope = { consultancyId: job.data.consultancyId };
    const connectorId = job.data.connectorId;
    if (typeof connectorId !== 'string' || !UUID.test(connectorId)) {
      throw new Error(`connector.sync job ${job.id} names no valid connector id`);
    }
    const loaded = await runInTenant(ds, scope, async (tx) => {
      const connector = await connectors.findById(tx, connectorId);
      if (!connector?.enabled) return null;
      await cursors.markStarted(tx, connectorId);
      const state = await cursors.get(tx, connectorId);
      return { cursor: state?.cursor ?? null, kind: connector.kind };
    });
    if (!loaded) return;
    try {
      await this.sync(scope, connectorId, loaded.cursor);
    } catch (error) {
      const reason = failureReason(loaded.kind, error);
      await runInTenant(ds, scope, (tx) => cursors.markFailed(tx, connectorId, reason));
      throw isPermanentFailure(error) ? new PermanentJobError(reason, { cause: error }) : error;
    }
  }

  private async sync(
    scope: { consultancyId: string },
    connectorId: string,
    cursor: string | null,
  ): Promise<SyncOutcome> {
    const { ds, connectors, cursors, registry, sink, queue } = this.deps;
    // Credentials are opened here, for this run only, and never logged or stored elsewhere.
    const connector = await runInTenant(ds, scope, (tx) => connectors.loadForSync(tx, connectorId));
    if (!connector) return { pages: 0, accepted: 0 };
    const factory = registry.get(connector.kind);
    if (!factory) {
      throw new PermanentJobError(`no pull connector is installed for kind "${connector.kind}"`);
    }
    const pull = factory(connector);
    const outcome: SyncOutcome = { pages: 0, accepted: 0 };
    for await (const page of pull.pull(cursor, contextOf(connector))) {
      const result = await sink.importPage(scope, {
        storeId: connector.storeId,
        storeExternalId: connector.store.externalId,
        source: connector.kind,
        records: page.records,
        rejected: page.rejected,
        raw: page.raw,
      });
      await runInTenant(ds, scope, async (tx) => {
        await cursors.saveCursor(tx, connectorId, page.cursor);
        if (result.affectedLeadIds.length > 0) {
          const data: EvidenceRegradeData = {
            consultancyId: scope.consultancyId,
            storeId: connector.storeId,
            leadIds: result.affectedLeadIds,
          };
          await queue.send(QUEUES.evidenceRegrade, data, {
            tx,
            ...(this.deps.regradeRetry ? { retry: this.deps.regradeRetry } : {}),
          });
        }
      });
      outcome.pages++;
      outcome.accepted += result.accepted;
    }
    await runInTenant(ds, scope, (tx) => cursors.markSucceeded(tx, connectorId));
    return outcome;
  }

  /** Retries are spent: leave a dead letter with the reason, where consultants see it. */
  async onExhausted(job: JobInfo<ConnectorSyncData>, error: unknown): Promise<void> {
    const { ds, connectors, deadLetters } = this.deps;
    await runInTenant(ds, job.data, async (tx) => {
      const connector = await connectors.findById(tx, job.data.connectorId);
      if (!connector) return;
      await deadLetters.record(tx, {
        connectorId: connector.id,
        jobId: job.id,
        payloadSummary: `${connector.kind} sync of "${connector.displayName}"`,
        reason: failureReason(connector.kind, error),
        attempts: job.attempt,
      });
    });
  }
}
