import type { LeadKind, LeadRecord } from '@candor/evidence-domain';
import {
  BRANDS,
  CUSTOMER_MAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  LEAD_COMMENTS,
  LEAD_SOURCES,
  compact,
} from './name-pools';
import type { Prng } from './prng';
import type { DemoStaff, DemoStore } from './stores';
import { at } from './stores';

/** A lead record plus what its story needs to mention it. */
export interface DemoLead {
  record: LeadRecord;
  phone: string | null;
  email: string | null;
  customerFirst: string;
  model: string;
  /** `2026 Toyota RAV4` */
  vehicle: string;
}

/** Customer numbers use 555-0200…9999: 9,800 per area code, never a store's 01xx block. */
const CUSTOMER_NUMBERS = 9_800;
/** A prime step walks all 9,800 numbers before repeating, so neighbours do not look sequential. */
const NUMBER_STEP = 7_919;

/**
 * Builds lead number `seq` (0-based within its store) of a store. Contact details are derived
 * from `seq`, not drawn, so no two leads of a store share a phone or address: scoring links
 * activities to leads by address too, and a shared number would merge two customers.
 */
export function buildLead(
  store: DemoStore,
  seq: number,
  id: string,
  receivedAt: number,
  agent: DemoStaff,
  rng: Prng,
): DemoLead {
  const kind = rng.weighted<LeadKind>([
    ['internet', 92],
    ['phone', 5],
    ['other', 3],
  ]);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const hasEmail = kind === 'phone' ? rng.chance(0.5) : rng.chance(0.95);
  const hasPhone = kind === 'phone' || !hasEmail || rng.chance(0.9);
  const phone = hasPhone ? customerPhone(store, seq) : null;
  const email = hasEmail
    ? `${compact(first)}${rng.pick(['.', '', '_'])}${compact(last)}${seq + 1}@${rng.pick(CUSTOMER_MAIL_DOMAINS)}`
    : null;

  const year = new Date(receivedAt).getUTCFullYear();
  const isNew = rng.chance(0.65);
  const brand = isNew || rng.chance(0.5) ? store.brand : rng.pick(BRANDS);
  const model = rng.pick(brand.models);
  const vehicleYear = isNew ? year + (rng.chance(0.4) ? 1 : 0) : year - rng.int(1, 8);
  // Most portals relay within seconds; some batch their leads and deliver hours late.
  const delaySec = rng.chance(0.9) ? rng.int(5, 180) : rng.int(600, 7200);

  const record: LeadRecord = {
    type: 'lead',
    id,
    line: 0,
    raw: null,
    storeId: store.record.id,
    receivedAt,
    requestedAt: receivedAt - delaySec * 1000,
    source: kind === 'phone' ? 'phone-up' : rng.weighted(LEAD_SOURCES),
    kind,
    assignedTo: agent.user.id,
    customer: {
      name: `${first} ${last}`,
      emails: email ? [email] : [],
      phones: phone ? [phone] : [],
    },
    vehicle: { year: vehicleYear, make: brand.make, model, status: isNew ? 'new' : 'used' },
    comments: kind === 'internet' && rng.chance(0.6) ? rng.pick(LEAD_COMMENTS) : null,
  };
  return {
    record,
    phone,
    email,
    customerFirst: first,
    model,
    vehicle: `${vehicleYear} ${brand.make} ${model}`,
  };
}

function customerPhone(store: DemoStore, seq: number): string {
  const codes = store.metro.areaCodes;
  const areaCode = at(codes, seq);
  const round = Math.floor(seq / codes.length);
  const local = 200 + ((round * NUMBER_STEP + store.number * 131) % CUSTOMER_NUMBERS);
  return `+1${areaCode}555${String(local).padStart(4, '0')}`;
}
