import { FIELD_LIMITS } from './field-limits';
import type { FieldReader } from './field-reader';
import { KNOWN_CUSTOMER_FIELDS, KNOWN_FIELDS, KNOWN_VEHICLE_FIELDS } from './record-fields';
import type { LeadRecord, Vehicle } from './records';
import { LEAD_KINDS } from './records';
import {
  checkEmail,
  checkId,
  checkLongText,
  checkName,
  checkPhone,
  choiceCheck,
  numberCheck,
} from './value-checks';

const checkKind = choiceCheck(LEAD_KINDS);
const checkVehicleYear = numberCheck(
  FIELD_LIMITS.minVehicleYear,
  FIELD_LIMITS.maxVehicleYear,
  true,
);

/** Fields read in interchange.md's order, keys in jsonb's order (see event-validators.ts). */
export function validateLead(fields: FieldReader, line: number): LeadRecord {
  const customerFields = fields.object('customer', true);
  const vehicleFields = fields.object('vehicle', false);
  const id = fields.required('id', checkId, '');
  const raw = leadRaw(fields, customerFields, vehicleFields);
  const storeId = fields.required('storeId', checkId, '');
  const receivedAt = fields.requiredInstant('receivedAt');
  const requestedAt = fields.optionalInstant('requestedAt');
  const source = fields.optional('source', checkName);
  const kind = fields.optional('kind', checkKind, 'internet') ?? 'internet';
  const assignedTo = fields.optional('assignedTo', checkId);
  const name = customerFields?.optional('name', checkName) ?? null;
  const emails = customerFields?.list('emails', checkEmail) ?? [];
  const phones = customerFields?.list('phones', checkPhone) ?? [];
  const vehicle = vehicleFields && readVehicle(vehicleFields);
  const comments = fields.optional('comments', checkLongText);
  return {
    id,
    raw,
    kind,
    line,
    type: 'lead',
    source,
    storeId,
    vehicle,
    comments,
    customer: { name, emails, phones },
    assignedTo,
    receivedAt,
    requestedAt,
  };
}

function readVehicle(fields: FieldReader): Vehicle {
  const year = fields.optional('year', checkVehicleYear);
  const make = fields.optional('make', checkName);
  const model = fields.optional('model', checkName);
  const status = fields.optional('status', checkName);
  return { make, year, model, status };
}

/**
 * Unknown fields of the lead, plus those of its customer and vehicle under `raw.customer` and
 * `raw.vehicle` (ADF leads carry VINs, trims, addresses). `customer` and `vehicle` are known
 * lead fields, so those two keys of `raw` can only hold the nested leftovers.
 */
function leadRaw(
  fields: FieldReader,
  customer: FieldReader | null,
  vehicle: FieldReader | null,
): Record<string, unknown> | null {
  const raw = fields.unknownFields(KNOWN_FIELDS.lead);
  const customerRaw = customer?.unknownFields(KNOWN_CUSTOMER_FIELDS) ?? null;
  const vehicleRaw = vehicle?.unknownFields(KNOWN_VEHICLE_FIELDS) ?? null;
  if (customerRaw === null && vehicleRaw === null) return raw;
  const merged: Record<string, unknown> = raw ?? {};
  if (customerRaw) merged['customer'] = customerRaw;
  if (vehicleRaw) merged['vehicle'] = vehicleRaw;
  return merged;
}
