import { DateTime } from 'luxon';
import { UsageError } from './cli-error';

/**
 * Reads --from/--to/--as-of. A full ISO time with an offset (2026-03-01T00:00:00-06:00 or …Z) is
 * that instant; a date (2026-03-01) or a time without offset (2026-03-01T08:00) is wall time in
 * `zone` — the store's time zone when one store is graded, so "March" means the store's March.
 */
export function parseTimeOption(value: string, name: string, zone: string): number {
  const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) && value.includes('T');
  const dt = hasOffset
    ? DateTime.fromISO(value, { setZone: true })
    : DateTime.fromISO(value, { zone });
  if (!dt.isValid) {
    throw new UsageError(
      `--${name} "${value}" is not a date or time (use e.g. 2026-03-01 or 2026-03-01T09:00:00-06:00)`,
    );
  }
  return dt.toMillis();
}
