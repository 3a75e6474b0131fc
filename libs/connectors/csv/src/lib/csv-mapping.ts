/** Where a bundle field comes from: one column, or several joined with spaces (first + last name). */
export type ColumnSource = string | { column?: string; columns?: string[]; format?: string };

/** How to turn the rows of one CSV export into bundle records. */
export interface CsvMapping {
  /** What each row becomes. */
  recordType: 'lead' | 'task' | 'activity' | 'note' | 'appointment' | 'status' | 'sale';
  /**
   * Bundle field (dotted for nested: `customer.name`, `vehicle.year`) → CSV header. Activities
   * may map `customerPhone` / `storePhone` instead of `from` / `to`: which one is `from` then
   * follows the direction.
   */
  columns: Record<string, ColumnSource>;
  /** Per bundle field, CSV value (case-insensitive) → bundle value; `"*"` for any other value. */
  values?: Record<string, Record<string, string | number | boolean | null>>;
  /** Bundle fields with a fixed value for every row (`"channel": "call"`). */
  constants?: Record<string, string | number | boolean>;
  /** Luxon formats tried for times that are not ISO 8601 (default: common US formats). */
  dateFormats?: string[];
  /** Zone of times without an offset (default: the store's). */
  timeZone?: string;
  /** Region for phone numbers without a country code (default US). */
  phoneCountry?: string;
  /** Default: detected from the header line (comma, tab or semicolon). */
  delimiter?: string;
}

const RECORD_TYPES = ['lead', 'task', 'activity', 'note', 'appointment', 'status', 'sale'];

/**
 * Checks a mapping read from a user's JSON file. Returns the problems (empty when usable), each
 * naming the key at fault, so `--mapping` mistakes are explained instead of crashing a convert.
 */
export function checkMapping(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ['the mapping must be a JSON object'];
  const m = value as Record<string, unknown>;
  if (typeof m['recordType'] !== 'string' || !RECORD_TYPES.includes(m['recordType'])) {
    problems.push(`recordType must be one of ${RECORD_TYPES.join(', ')}`);
  }
  const columns = m['columns'];
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
    problems.push('columns must be an object of bundle field → CSV header');
  } else {
    for (const [field, source] of Object.entries(columns)) {
      const ok =
        typeof source === 'string' ||
        (typeof source === 'object' &&
          source !== null &&
          (typeof (source as { column?: unknown }).column === 'string' ||
            (Array.isArray((source as { columns?: unknown }).columns) &&
              (source as { columns: unknown[] }).columns.every((c) => typeof c === 'string'))));
      if (!ok)
        problems.push(
          `columns.${field} must be a header, or {"column": header} or {"columns": [headers]}`,
        );
    }
  }
  for (const key of ['values', 'constants']) {
    const v = m[key];
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v)))
      problems.push(`${key} must be an object`);
  }
  if (
    m['dateFormats'] !== undefined &&
    !(Array.isArray(m['dateFormats']) && m['dateFormats'].every((f) => typeof f === 'string'))
  ) {
    problems.push('dateFormats must be a list of Luxon formats');
  }
  for (const key of ['timeZone', 'phoneCountry', 'delimiter']) {
    if (m[key] !== undefined && typeof m[key] !== 'string') problems.push(`${key} must be text`);
  }
  if (typeof m['delimiter'] === 'string' && m['delimiter'].length !== 1)
    problems.push('delimiter must be one character');
  return problems;
}
