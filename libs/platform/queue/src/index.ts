export {
  QUEUES,
  QUEUE_DEFINITIONS,
  QUEUE_SCHEMA,
  type QueueDefinition,
  type QueueName,
  type QueuePolicy,
} from './lib/queues';
export { PermanentJobError } from './lib/permanent-job.error';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './lib/retry-policy';
export { ensureQueueSchema } from './lib/queue-schema';
export {
  JobQueue,
  type JobInfo,
  type JobQueueOptions,
  type JobRegistration,
  type SendOptions,
  type SqlTransaction,
  type TenantJobData,
} from './lib/job-queue';
