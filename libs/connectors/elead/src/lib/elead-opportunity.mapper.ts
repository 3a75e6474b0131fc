import {
  asObject,
  type ConnectorContext,
  readVendorTime,
  type RecordCollector,
  textField,
} from '@candor/connectors-core';
import { normalizeEmail, normalizePhone } from '@candor/shared-contact';

const KINDS: Readonly<Record<string, string>> = {
  internet: 'internet',
  phone: 'phone',
  'phone up': 'phone',
  showroom: 'walk_in',
  'walk-in': 'walk_in',
  'walk in': 'walk_in',
};
const STATUSES: Readonly<Record<string, string>> = {
  active: 'active',
  sold: 'sold',
  lost: 'lost',
  bad: 'bad',
  inactive: 'inactive',
  'bad lead': 'bad',
};

const FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  receivedAt: 'dateIn',
  source: 'source',
  assignedTo: 'salesTeam',
};

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.map(asObject).filter((x): x is Record<string, unknown> => x !== null)
    : [];
}

/** The time of a field, in the store zone when the API gives no offset; null with an issue when unreadable. */
export function eleadTime(
  obj: Record<string, unknown> | null,
  key: string,
  ctx: ConnectorContext,
  location: string,
  out: RecordCollector,
): string | null {
  const text = textField(obj, key);
  if (text === null) return null;
  const time = readVendorTime(text, ctx.timeZone);
  if (time.ok) return time.iso;
  out.reject(location, key, time.reason);
  return null;
}

/**
 * An Elead opportunity → its lead, plus its status (and sale when sold). The opportunity's
 * `dateIn` is when the lead reached the store; the primary salesperson is `assignedTo`.
 */
export function mapOpportunity(
  opp: Record<string, unknown>,
  ctx: ConnectorContext,
  out: RecordCollector,
): string | null {
  const id = textField(opp, 'id') ?? textField(opp, 'opportunityId');
  const location = `opportunity ${id ?? '(no id)'}`;
  if (id === null) {
    out.reject(location, 'id', 'is missing');
    return null;
  }
  const customer = asObject(opp['customer']);
  const name =
    [textField(customer, 'firstName'), textField(customer, 'lastName')].filter(Boolean).join(' ') ||
    textField(customer, 'fullName');
  const emails = list(customer?.['emails'])
    .map((e) => normalizeEmail(textField(e, 'address') ?? ''))
    .filter((e): e is string => e !== null);
  const phones = list(customer?.['phones'])
    .map((p) => normalizePhone(textField(p, 'number') ?? ''))
    .filter((p): p is string => p !== null);
  const team = list(opp['salesTeam']);
  const primary = team.find((m) => m['isPrimary'] === true) ?? team[0] ?? null;
  const sought = list(opp['soughtVehicles'])[0] ?? null;
  const upType = textField(opp, 'upType')?.toLowerCase() ?? null;
  const receivedAt = eleadTime(opp, 'dateIn', ctx, location, out);
  const line: Record<string, unknown> = {
    type: 'lead',
    id,
    storeId: ctx.storeId,
    receivedAt,
    source: textField(opp, 'source'),
    kind: upType === null ? 'internet' : (KINDS[upType] ?? 'other'),
    assignedTo: textField(primary, 'id'),
    customer: { name: name || null, emails, phones },
    vehicle: sought
      ? {
          year: typeof sought['yearFrom'] === 'number' ? sought['yearFrom'] : null,
          make: textField(sought, 'make'),
          model: textField(sought, 'model'),
          status: sought['isNew'] === true ? 'new' : sought['isNew'] === false ? 'used' : null,
        }
      : null,
  };
  const subSource = textField(opp, 'subSource');
  if (subSource) line['subSource'] = subSource;
  if (out.add(line, location, FIELDS) === null) return null;

  const status = STATUSES[textField(opp, 'status')?.toLowerCase() ?? ''];
  const at =
    eleadTime(opp, 'soldDate', ctx, location, out) ??
    eleadTime(opp, 'updatedDate', ctx, location, out);
  if (status && status !== 'active' && at) {
    out.add(
      {
        type: 'status',
        id: `${id}:status:${status}`,
        storeId: ctx.storeId,
        leadId: id,
        at,
        status,
        by: textField(primary, 'id'),
        reason: textField(opp, 'subStatus'),
      },
      location,
    );
    if (status === 'sold')
      out.add(
        {
          type: 'sale',
          id: `${id}:sale`,
          storeId: ctx.storeId,
          leadId: id,
          soldAt: at,
          userId: textField(primary, 'id'),
        },
        location,
      );
  }
  return id;
}
