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

export function validateStore(fields: FieldReader, line: number): StoreRecord {
  return {
    type: 'store',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.store),
    name: fields.required('name', checkName, ''),
    names: fields.list('names', checkName),
    timeZone: fields.required('timeZone', checkTimeZone, ''),
    emailDomains: fields.list('emailDomains', checkDomain),
    phoneNumbers: fields.list('phoneNumbers', checkPhone),
    businessHours: readBusinessHours(fields, 'businessHours'),
  };
}

const checkRole = choiceCheck(USER_ROLES);

export function validateUser(fields: FieldReader, line: number): UserRecord {
  return {
    type: 'user',
    id: fields.required('id', checkId, ''),
    line,
    raw: fields.unknownFields(KNOWN_FIELDS.user),
    storeId: fields.required('storeId', checkId, ''),
    name: fields.required('name', checkName, ''),
    role: fields.optional('role', checkRole),
    emails: fields.list('emails', checkEmail),
    phoneNumbers: fields.list('phoneNumbers', checkPhone),
  };
}
