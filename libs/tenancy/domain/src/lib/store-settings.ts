import { normalizeDomain, normalizePhone } from '@candor/shared-contact';
import { CandorException, type FieldError } from '@candor/shared-errors';
import { type BusinessHours, parseBusinessHours } from './business-hours';

/** A store's settings as the interchange format describes them (interchange.md, `store`). */
export interface StoreSettings {
  externalId: string;
  name: string;
  names: string[];
  timeZone: string;
  businessHours: BusinessHours;
  emailDomains: string[];
  phoneNumbers: string[];
}

export type StoreSettingsInput = {
  [K in keyof StoreSettings]?: unknown;
};

const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const MAX_LIST = 50;

export function isValidTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function text(value: unknown, field: string, errors: FieldError[], max = 200): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ field, message: 'must be a non-empty string' });
    return undefined;
  }
  if (value.trim().length > max) {
    errors.push({ field, message: `must be at most ${max} characters` });
    return undefined;
  }
  return value.trim();
}

function list(
  value: unknown,
  field: string,
  errors: FieldError[],
  normalize: (item: string) => string | null,
  what: string,
): string[] | undefined {
  if (!Array.isArray(value)) {
    errors.push({ field, message: 'must be a list' });
    return undefined;
  }
  if (value.length > MAX_LIST) {
    errors.push({ field, message: `must have at most ${MAX_LIST} entries` });
    return undefined;
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    const normalized = typeof item === 'string' ? normalize(item) : null;
    if (normalized === null) {
      errors.push({ field: `${field}[${i}]`, message: `${JSON.stringify(item)} is not ${what}` });
    } else if (!out.includes(normalized)) {
      out.push(normalized);
    }
  });
  return out;
}

/**
 * Validates and normalizes a full or partial store settings input. `prefix` names the input in
 * messages (`input.timeZone: …`). Returns only the fields present in `input`.
 */
export function normalizeStoreSettings(
  input: StoreSettingsInput,
  prefix = 'input',
): Partial<StoreSettings> {
  const errors: FieldError[] = [];
  const out: Partial<StoreSettings> = {};
  const at = (f: string) => `${prefix}.${f}`;

  if (input.externalId !== undefined) {
    const id = text(input.externalId, at('externalId'), errors, 100);
    if (id !== undefined && !EXTERNAL_ID.test(id)) {
      errors.push({
        field: at('externalId'),
        message:
          'may contain letters, digits, ".", "_" and "-" and must start with a letter or digit',
      });
    } else if (id !== undefined) out.externalId = id;
  }
  if (input.name !== undefined) {
    const name = text(input.name, at('name'), errors);
    if (name !== undefined) out.name = name;
  }
  if (input.names !== undefined) {
    const names = list(
      input.names,
      at('names'),
      errors,
      (n) => n.trim().slice(0, 200) || null,
      'a name',
    );
    if (names !== undefined) out.names = names;
  }
  if (input.timeZone !== undefined) {
    const zone = text(input.timeZone, at('timeZone'), errors, 64);
    if (zone !== undefined && !isValidTimeZone(zone)) {
      errors.push({
        field: at('timeZone'),
        message: `"${zone}" is not an IANA time zone (e.g. America/Chicago)`,
      });
    } else if (zone !== undefined) out.timeZone = zone;
  }
  if (input.businessHours !== undefined) {
    const parsed = parseBusinessHours(input.businessHours, at('businessHours'));
    errors.push(...parsed.errors);
    if (parsed.hours) out.businessHours = parsed.hours;
  }
  if (input.emailDomains !== undefined) {
    const domains = list(
      input.emailDomains,
      at('emailDomains'),
      errors,
      normalizeDomain,
      'a domain name',
    );
    if (domains !== undefined) out.emailDomains = domains;
  }
  if (input.phoneNumbers !== undefined) {
    const phones = list(
      input.phoneNumbers,
      at('phoneNumbers'),
      errors,
      (p) => normalizePhone(p),
      'a phone number',
    );
    if (phones !== undefined) out.phoneNumbers = phones;
  }
  if (errors.length > 0) throw CandorException.invalidInput(errors);
  return out;
}

/** Validates a new store: externalId, name and timeZone are required; the rest default. */
export function newStoreSettings(input: StoreSettingsInput, prefix = 'input'): StoreSettings {
  const missing: FieldError[] = (['externalId', 'name', 'timeZone'] as const)
    .filter((k) => input[k] === undefined || input[k] === null)
    .map((k) => ({ field: `${prefix}.${k}`, message: 'is required' }));
  let normalized: Partial<StoreSettings> = {};
  try {
    normalized = normalizeStoreSettings(input, prefix);
  } catch (e) {
    if (!(e instanceof CandorException)) throw e;
    missing.push(...e.fieldErrors);
  }
  if (missing.length > 0) throw CandorException.invalidInput(missing);
  const name = normalized.name as string;
  return {
    externalId: normalized.externalId as string,
    name,
    names: normalized.names ?? [name],
    timeZone: normalized.timeZone as string,
    businessHours: normalized.businessHours ?? DEFAULT_BUSINESS_HOURS,
    emailDomains: normalized.emailDomains ?? [],
    phoneNumbers: normalized.phoneNumbers ?? [],
  };
}

/** Typical US dealership sales hours, used until a store's real hours are entered. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  mon: ['09:00', '20:00'],
  tue: ['09:00', '20:00'],
  wed: ['09:00', '20:00'],
  thu: ['09:00', '20:00'],
  fri: ['09:00', '20:00'],
  sat: ['09:00', '18:00'],
  sun: null,
};
