/** A vendor call that failed for good (after retries), with what the vendor said. */
export class VendorHttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    /** HTTP status, or 0 when no response came (network error, timeout). */
    readonly status: number,
    readonly body: string,
    readonly attempts: number,
    reason: string,
  ) {
    super(`${method} ${url} failed after ${attempts} attempt(s): ${reason}`);
    this.name = 'VendorHttpError';
  }

  /** Credentials were refused: retrying cannot help, a person must fix the connection. */
  get isAuthFailure(): boolean {
    return this.status === 401 || this.status === 403;
  }
}
