import { PermanentJobError } from '@candor/platform-queue';
import { CandorException } from '@candor/shared-errors';

function vendorStatus(error: Error): number | null {
  const e = error as Error & { status?: unknown; statusCode?: unknown };
  if (typeof e.status === 'number') return e.status;
  return typeof e.statusCode === 'number' ? e.statusCode : null;
}

/**
 * What a consultant reads on a dead letter: the vendor's HTTP status when the error carries one
 * (connectors throw errors with `status` or `statusCode`), then the message. Never a stack.
 */
export function failureReason(kind: string, error: unknown): string {
  // Already worded by the job (it names the kind when it needs to).
  if (error instanceof PermanentJobError) return error.message;
  if (!(error instanceof Error)) return `${kind}: ${String(error)}`;
  const status = vendorStatus(error);
  const message = error.message.trim() || error.name;
  return status !== null
    ? `${kind} responded ${String(status)}: ${message}`
    : `${kind}: ${message}`;
}

/**
 * Failures a retry cannot fix: our own configuration errors (a key that does not open the
 * credentials) and a vendor rejecting the credentials (401, 403). Anything else is retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (error instanceof PermanentJobError || error instanceof CandorException) return true;
  if (!(error instanceof Error)) return false;
  const status = vendorStatus(error);
  return status === 401 || status === 403;
}
