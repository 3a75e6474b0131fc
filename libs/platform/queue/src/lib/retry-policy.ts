/** How often and how soon a failed job is tried again (pg-boss's retry options). */
export interface RetryPolicy {
  /** Retries after the first attempt; attempts = retryLimit + 1. */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay: number;
  /** Doubles the delay each retry, with jitter, so a vendor outage is not hammered. */
  retryBackoff: boolean;
}

/**
 * Syncs talk to vendor APIs that fail for minutes at a time: 5 retries from 30 s with backoff
 * spread over roughly half an hour before the job is dead-lettered.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retryLimit: 5,
  retryDelay: 30,
  retryBackoff: true,
};
