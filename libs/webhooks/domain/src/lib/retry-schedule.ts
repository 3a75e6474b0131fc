/**
 * When a delivery that failed is tried again: exponential backoff without jitter (the worker
 * claims due rows from the database, so retries of many endpoints do not fire in lockstep
 * anyway), capped, for a fixed number of attempts. With these values the last attempt comes
 * about 27 hours after the first, so a receiver down for a day still gets its events.
 */
export const WEBHOOK_RETRY_SCHEDULE = {
  /** Wait after the first failed attempt. */
  firstDelaySeconds: 30,
  /** Each further wait is this many times the previous one … */
  factor: 4,
  /** … but never longer than this. */
  maxDelaySeconds: 6 * 60 * 60,
  /** Attempts in all (the first one included); then the delivery is `failed`. */
  maxAttempts: 10,
} as const;

export type WebhookRetrySchedule = {
  readonly [K in keyof typeof WEBHOOK_RETRY_SCHEDULE]: number;
};

/**
 * Seconds to wait before the next attempt once `attemptsMade` attempts have failed, or null
 * when none is left (the delivery has failed for good).
 */
export function retryDelaySeconds(
  attemptsMade: number,
  schedule: WebhookRetrySchedule = WEBHOOK_RETRY_SCHEDULE,
): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 1) {
    throw new RangeError('attemptsMade must be a positive integer');
  }
  if (attemptsMade >= schedule.maxAttempts) return null;
  const delay = schedule.firstDelaySeconds * schedule.factor ** (attemptsMade - 1);
  return Math.min(delay, schedule.maxDelaySeconds);
}

/** Every wait of the schedule in order (for documentation and the API). */
export function retryDelays(schedule: WebhookRetrySchedule = WEBHOOK_RETRY_SCHEDULE): number[] {
  const delays: number[] = [];
  for (let n = 1; n < schedule.maxAttempts; n++) delays.push(retryDelaySeconds(n, schedule)!);
  return delays;
}
