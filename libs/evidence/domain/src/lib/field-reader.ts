import { FIELD_LIMITS } from './field-limits';
import { parseInstant } from './instant-parser';
import type { RecordError } from './validation-result';
import type { Check } from './value-checks';
import { isRefusal } from './value-checks';
import { describeValue, isPlainObject } from './value-text';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads the fields of one JSON object, recording every problem instead of stopping at the
 * first, so a rejected line lists all that is wrong with it. Readers return a placeholder
 * ('' or 0) for a bad required field; the record is discarded when any error was recorded.
 */
export class FieldReader {
  constructor(
    readonly source: Readonly<Record<string, unknown>>,
    readonly errors: RecordError[],
    /** Path of `source` inside the record, with a trailing dot (`customer.`). */
    readonly prefix = '',
  ) {}

  /** Own properties only: an inherited `id` or `toString` is not a field of the line. */
  value(key: string): unknown {
    return hasOwn.call(this.source, key) ? this.source[key] : undefined;
  }

  fail(field: string, reason: string): void {
    this.errors.push({ field: this.prefix + field, reason });
  }

  /** A required field: missing and null are both "is required"; blank text is "is empty". */
  required<T>(key: string, check: Check<T>, placeholder: T): T {
    const value = this.value(key);
    if (value === undefined || value === null) {
      this.fail(key, 'is required');
      return placeholder;
    }
    const result = check(value);
    if (isRefusal(result)) {
      this.fail(key, result.reason);
      return placeholder;
    }
    if (typeof result === 'string' && result.trim().length === 0) {
      this.fail(key, 'is empty');
      return placeholder;
    }
    return result;
  }

  /** An optional field: missing or null gives `fallback`; so does a label trimmed to ''. */
  optional<T>(key: string, check: Check<T>, fallback: T | null = null): T | null {
    const value = this.value(key);
    if (value === undefined || value === null) return fallback;
    const result = check(value);
    if (isRefusal(result)) {
      this.fail(key, result.reason);
      return fallback;
    }
    return result === '' ? fallback : result;
  }

  requiredInstant(key: string): number {
    return this.required(key, instantCheck, 0);
  }

  optionalInstant(key: string): number | null {
    return this.optional(key, instantCheck);
  }

  /** A list: missing or null is []; each bad item is reported with its index. */
  list(key: string, check: Check<string>): string[] {
    const value = this.value(key);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(key, `must be a list, got ${describeValue(value)}`);
      return [];
    }
    if (value.length > FIELD_LIMITS.listItems) {
      this.fail(key, `has ${value.length} items; the limit is ${FIELD_LIMITS.listItems}`);
      return [];
    }
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const result = check(item);
      if (isRefusal(result)) this.fail(`${key}[${i}]`, result.reason);
      else if (result.trim().length === 0) this.fail(`${key}[${i}]`, 'is empty');
      else items.push(result);
    }
    return items;
  }

  /** A nested object read with the same error list; null when missing (or reported). */
  object(key: string, required: boolean): FieldReader | null {
    const value = this.value(key);
    if (value === undefined || value === null) {
      if (required) this.fail(key, 'is required');
      return null;
    }
    if (!isPlainObject(value)) {
      this.fail(key, `must be an object, got ${describeValue(value)}`);
      return null;
    }
    return new FieldReader(value, this.errors, `${this.prefix}${key}.`);
  }

  /** The fields of `source` not in `known`, or null when there are none. */
  unknownFields(known: ReadonlySet<string>): Record<string, unknown> | null {
    let raw: Record<string, unknown> | null = null;
    for (const key of Object.keys(this.source)) {
      if (known.has(key)) continue;
      raw ??= {};
      // defineProperty, not assignment: a `__proto__` key must stay data, not set a prototype.
      Object.defineProperty(raw, key, {
        value: this.source[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return raw;
  }
}

const instantCheck: Check<number> = (value) => {
  if (typeof value !== 'string') {
    return { reason: `must be an ISO 8601 time string, got ${describeValue(value)}` };
  }
  const result = parseInstant(value);
  return typeof result === 'number' ? result : { reason: result };
};
