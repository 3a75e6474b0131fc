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

export function validateLead(fields: FieldReader, line: number): LeadRecord {
  const customer = fields.object('customer', true);
  const vehicle = fields.object('vehicle', false);
  return {
    type: 'lead',
    id: fields.required('id', checkId, ''),
    line,
    raw: leadRaw(fields, customer, vehicle),
    storeId: fields.required('storeId', checkId, ''),
    receivedAt: fields.requiredInstant('receivedAt'),
    requestedAt: fields.optionalInstant('requestedAt'),
    source: fields.optional('source', checkName),
    kind: fields.optional('kind', checkKind, 'internet') ?? 'internet',
    assignedTo: fields.optional('assignedTo', checkId),
    customer: {
      name: customer?.optional('name', checkName) ?? null,
      emails: customer?.list('emails', checkEmail) ?? [],
      phones: customer?.list('phones', checkPhone) ?? [],
    },
    vehicle: vehicle && readVehicle(vehicle),
    comments: fields.optional('comments', checkLongText),
  };
}

function readVehicle(fields: FieldReader): Vehicle {
  return {
    year: fields.optional('year', checkVehicleYear),
    make: fields.optional('make', checkName),
    model: fields.optional('model', checkName),
    status: fields.optional('status', checkName),
  };
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
