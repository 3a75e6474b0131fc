import {
  type ConnectorContext,
  readVendorTime,
  RecordCollector,
  stableId,
} from '@candor/connectors-core';
import { normalizeEmail, normalizePhone } from '@candor/shared-contact';
import { attr, child, childrenNamed, childText, textOf, type XmlNode } from './xml-node';

/** Bundle fields named as the ADF author knows them, for error messages. */
const ADF_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  receivedAt: 'requestdate',
  requestedAt: 'requestdate',
  source: 'provider/name',
  'customer.name': 'customer/contact/name',
  comments: 'customer/comments',
  'vehicle.year': 'vehicle/year',
  'vehicle.make': 'vehicle/make',
  'vehicle.model': 'vehicle/model',
};

export interface ProspectOptions {
  /** When the store received the lead (epoch ms); default: the requestdate. */
  receivedAt?: number;
}

function contactName(contact: XmlNode | null): string | null {
  const names = childrenNamed(contact, 'name');
  const full = names.find((n) => attr(n, 'part') === 'full' || attr(n, 'part') === null);
  if (full && textOf(full)) return textOf(full);
  const part = (p: string) => textOf(names.find((n) => attr(n, 'part') === p));
  const joined = [part('first'), part('middle'), part('last')].filter((x) => x !== null).join(' ');
  return joined === '' ? null : joined;
}

/** The lead id: `id@source` of the first `<id>` (the seller's id), or a hash of the content. */
function leadId(prospect: XmlNode, fallbackParts: (string | null)[]): string {
  for (const id of childrenNamed(prospect, 'id')) {
    const value = textOf(id);
    if (value === null) continue;
    const source = attr(id, 'source');
    return source ? `${value}@${source}` : value;
  }
  return stableId('adf', ...fallbackParts);
}

function pickVehicle(prospect: XmlNode): XmlNode | null {
  const vehicles = childrenNamed(prospect, 'vehicle');
  return (
    vehicles.find((v) => (attr(v, 'interest') ?? 'buy').toLowerCase() === 'buy') ??
    vehicles[0] ??
    null
  );
}

function vehicleLine(
  vehicle: XmlNode | null,
  location: string,
  out: RecordCollector,
): Record<string, unknown> | null {
  if (!vehicle) return null;
  const line: Record<string, unknown> = {
    make: childText(vehicle, 'make'),
    model: childText(vehicle, 'model'),
    status: attr(vehicle, 'status')?.toLowerCase() ?? null,
  };
  const year = childText(vehicle, 'year');
  if (year !== null) {
    const n = Number(year);
    if (Number.isInteger(n) && n >= 1900 && n <= 2100) line['year'] = n;
    else
      out.reject(
        location,
        'vehicle/year',
        `"${year.slice(0, 40)}" is not a model year; the lead is kept without it`,
      );
  }
  for (const extra of ['vin', 'trim', 'stock', 'odometer']) {
    const value = childText(vehicle, extra);
    if (value !== null) line[extra] = value.slice(0, 200);
  }
  return line;
}

/**
 * Turns one `<prospect>` into a lead. Lenient where feeds are sloppy: requestdate in any common
 * form (missing or impossible offsets are read in the store's zone), unparseable phones and
 * years dropped with a note while the lead is kept. A prospect without any way to tell when it
 * arrived is rejected.
 */
export function readProspect(
  prospect: XmlNode,
  index: number,
  ctx: ConnectorContext,
  options: ProspectOptions,
  out: RecordCollector,
): void {
  const location = `prospect ${index}`;
  const customer = child(prospect, 'customer');
  const contact = child(customer, 'contact');
  const requestText = childText(prospect, 'requestdate');
  let requestedAt: string | null = null;
  if (requestText !== null) {
    const time = readVendorTime(requestText, ctx.timeZone);
    if (time.ok) requestedAt = time.iso;
    else out.reject(location, 'requestdate', `${time.reason}; the lead is kept without it`);
  }
  let receivedAt = requestedAt;
  if (options.receivedAt !== undefined) receivedAt = new Date(options.receivedAt).toISOString();
  if (receivedAt === null) {
    out.reject(
      location,
      'requestdate',
      'is missing or unreadable and no receive time is known, so the lead cannot be placed in time',
    );
    return;
  }
  const emails: string[] = [];
  for (const node of childrenNamed(contact, 'email')) {
    const text = textOf(node);
    if (text === null) continue;
    const email = normalizeEmail(text);
    if (email) emails.push(email);
    else
      out.reject(
        location,
        'customer/contact/email',
        `"${text.slice(0, 80)}" is not an e-mail address; the lead is kept without it`,
      );
  }
  const phones: string[] = [];
  for (const node of childrenNamed(contact, 'phone')) {
    const text = textOf(node);
    if (text === null) continue;
    const phone = normalizePhone(text);
    if (phone) phones.push(phone);
    else
      out.reject(
        location,
        'customer/contact/phone',
        `"${text.slice(0, 80)}" is not a phone number; the lead is kept without it`,
      );
  }
  const name = contactName(contact);
  const provider = child(prospect, 'provider');
  const firstId = childrenNamed(prospect, 'id')[0];
  const vendor = child(prospect, 'vendor');
  const line: Record<string, unknown> = {
    type: 'lead',
    id: leadId(prospect, [requestText, name, emails.join(','), phones.join(',')]),
    storeId: ctx.storeId,
    receivedAt,
    requestedAt,
    source:
      childText(provider, 'name') ?? attr(firstId, 'source') ?? childText(vendor, 'vendorname'),
    kind: 'internet',
    customer: { name, emails, phones },
    vehicle: vehicleLine(pickVehicle(prospect), location, out),
    comments: childText(customer, 'comments'),
  };
  const status = attr(prospect, 'status');
  if (status) line['adfStatus'] = status.toLowerCase();
  const vendorName = childText(vendor, 'vendorname');
  if (vendorName) line['vendor'] = vendorName;
  out.add(line, location, ADF_FIELDS);
}
