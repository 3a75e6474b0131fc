import { IANAZone } from 'luxon';
import { readBusinessHours } from './business-hours-reader';
import { FIELD_LIMITS } from './field-limits';
import type { FieldReader } from './field-reader';
import { KNOWN_FIELDS } from './record-fields';
import type { StoreRecord, UserRecord } from './records';
import { USER_ROLES } from './records';
import type { Check } from './value-checks';
import {
  checkDomain,
  checkEmail,
  checkId,
  checkName,
  checkPhone,
  choiceCheck,
  textCheck,
} from './value-checks';
import { quoteText } from './value-text';

const checkTimeZoneText = textCheck(FIELD_LIMITS.timeZone, true);

/** An IANA zone as Intl knows it (`America/Chicago`); abbreviations like `CST` are refused. */
const checkTimeZone: Check<string> = (value) => {
  const zone = checkTimeZoneText(value);
  if (typeof zone !== 'string' || zone === '' || IANAZone.isValidZone(zone)) return zone;
  return { reason: `${quoteText(zone)} is not an IANA time zone (e.g. America/Chicago)` };
};

/** Fields read in interchange.md's order, keys in jsonb's order (see event-validators.ts). */
export function validateStore(fields: FieldReader, line: number): StoreRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.store);
  const name = fields.required('name', checkName, '');
  const names = fields.list('names', checkName);
  const timeZone = fields.required('timeZone', checkTimeZone, '');
  const emailDomains = fields.list('emailDomains', checkDomain);
  const phoneNumbers = fields.list('phoneNumbers', checkPhone);
  const businessHours = readBusinessHours(fields, 'businessHours');
  return {
    id,
    raw,
    line,
    name,
    type: 'store',
    names,
    timeZone,
    emailDomains,
    phoneNumbers,
    businessHours,
  };
}

const checkRole = choiceCheck(USER_ROLES);

export function validateUser(fields: FieldReader, line: number): UserRecord {
  const id = fields.required('id', checkId, '');
  const raw = fields.unknownFields(KNOWN_FIELDS.user);
  const storeId = fields.required('storeId', checkId, '');
  const name = fields.required('name', checkName, '');
  const role = fields.optional('role', checkRole);
  const emails = fields.list('emails', checkEmail);
  const phoneNumbers = fields.list('phoneNumbers', checkPhone);
  return { id, raw, line, name, role, type: 'user', emails, storeId, phoneNumbers };
}
