/** Every queue Candor uses. Created by the owner (`ensureQueueSchema`); the app role only uses them. */
export const QUEUES = {
  /** One job per connector run: pull pages from its cursor into the evidence tables. */
  connectorSync: 'connector.sync',
  /** Leads whose evidence changed, to be graded again. */
  evidenceRegrade: 'evidence.regrade',
  /** An import run to carry on to the end (an interrupted upload or file import). */
  evidenceImport: 'evidence.import',
  /** One store's materialized reports to bring up to date (queued leads, stale, running). */
  reportsRefresh: 'reports.refresh',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueuePolicy = 'standard' | 'stately';

export interface QueueDefinition {
  name: QueueName;
  /**
   * `stately`: at most one waiting and one running job per singleton key (a connector is never
   * synced twice at once, and a scheduler tick on every replica queues it only once).
   */
  policy: QueuePolicy;
}

export const QUEUE_DEFINITIONS: readonly QueueDefinition[] = [
  { name: QUEUES.connectorSync, policy: 'stately' },
  { name: QUEUES.evidenceRegrade, policy: 'standard' },
  { name: QUEUES.evidenceImport, policy: 'stately' },
  { name: QUEUES.reportsRefresh, policy: 'stately' },
];

/** pg-boss's own schema in Candor's database. */
export const QUEUE_SCHEMA = 'pgboss';
