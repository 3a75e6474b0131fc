/**
 * A failure that retrying cannot fix (a connector kind that is not installed, credentials the
 * vendor rejects, a key that does not open them): the job goes straight to its dead-letter hook
 * and is marked failed, instead of spending its retries over the next half hour.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
