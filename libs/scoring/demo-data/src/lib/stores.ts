import type { StoreRecord, UserRecord, WeeklyHours } from '@candor/evidence-domain';
import type { Habit, HabitProfile } from './agent-habits';
import { PLANTED_HABITS, habitProfile } from './agent-habits';
import type { Brand, Metro } from './name-pools';
import {
  BRANDS,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  LAST_NAMES,
  METROS,
  STORE_FAMILIES,
  compact,
} from './name-pools';
import { Prng } from './prng';
import { StoreClock } from './store-clock';

/** One agent of a demo store: the user record plus what the story generator needs. */
export interface DemoStaff {
  user: UserRecord;
  habit: Habit;
  profile: HabitProfile;
  firstName: string;
  storeEmail: string;
  personalEmail: string;
  cell: string;
}

export interface DemoStore {
  /** 1-based; part of every id so ids stay unique across the stores of one bundle. */
  number: number;
  record: StoreRecord;
  clock: StoreClock;
  brand: Brand;
  metro: Metro;
  city: string;
  /** The store's own lines (E.164); the first is the main number agents give out. */
  lines: readonly string[];
  staff: readonly DemoStaff[];
}

/** Stream tags keep the random streams of stores, arrivals and leads independent. */
export const STREAM = { store: 0x5701e, arrivals: 0xa441, lead: 0x1ead } as const;

/** Store lines and agent cells use a block of 12 numbers in the fictional 555-0100…0199 range. */
const SLOTS_PER_STORE = 12;
const BLOCKS_PER_AREA_CODE = 8;

export function buildStores(count: number, seed: number): DemoStore[] {
  const layout: Layout = {
    seed,
    metroStart: Prng.of(seed, STREAM.store).int(0, METROS.length - 1),
    familyOffset: Prng.of(seed, STREAM.store, -1).int(0, STORE_FAMILIES.length - 1),
    usedSlugs: new Set<string>(),
  };
  return Array.from({ length: count }, (_, index) => buildStore(index, layout));
}

/** What the stores of one bundle share: the seed's starting points and the names taken. */
interface Layout {
  seed: number;
  metroStart: number;
  familyOffset: number;
  usedSlugs: Set<string>;
}

function buildStore(index: number, layout: Layout): DemoStore {
  const rng = Prng.of(layout.seed, STREAM.store, index + 1);
  const number = index + 1;
  const metro = at(METROS, layout.metroStart + index);
  const city = rng.pick(metro.cities);
  // Walking family and brand in lockstep with a shift gives 300 distinct pairs before a repeat.
  const family = at(STORE_FAMILIES, layout.familyOffset + index);
  const brandIndex = index + Math.floor(index / STORE_FAMILIES.length) + layout.familyOffset;
  const brand = at(BRANDS, brandIndex);
  let name = `${family} ${brand.make}`;
  if (layout.usedSlugs.has(slug(name))) name = `${name} of ${city}`;
  if (layout.usedSlugs.has(slug(name))) name = `${name} ${number}`;
  layout.usedSlugs.add(slug(name));

  const domain = `${compact(name)}.example`;
  const lines = phoneBlock(metro, index);
  const hours = businessHours(rng);
  const names = [name, family, `${family} ${brand.make} of ${city}`];
  if (brand.nickname) names.push(`${family} ${brand.nickname}`);
  const storeId = `demo-${slug(name)}`;
  const record: StoreRecord = {
    type: 'store',
    id: storeId,
    line: 0,
    raw: null,
    name,
    names,
    timeZone: metro.timeZone,
    emailDomains: [domain],
    phoneNumbers: lines.slice(0, rng.int(2, 3)),
    businessHours: hours,
  };
  const staff = buildStaff(rng, storeId, number, domain, lines.slice(3));
  return {
    number,
    record,
    clock: new StoreClock(metro.timeZone, hours),
    brand,
    metro,
    city,
    lines: record.phoneNumbers,
    staff,
  };
}

function buildStaff(
  rng: Prng,
  storeId: string,
  storeNumber: number,
  domain: string,
  cells: readonly string[],
): DemoStaff[] {
  const habits: Habit[] = [...PLANTED_HABITS, 'diligent'];
  if (rng.chance(0.5)) habits.push('diligent');
  shuffle(rng, habits);
  const usedFirst = new Set<string>();
  return habits.map((habit, k) => {
    let firstName = rng.pick(FIRST_NAMES);
    while (usedFirst.has(firstName)) firstName = rng.pick(FIRST_NAMES);
    usedFirst.add(firstName);
    const lastName = rng.pick(LAST_NAMES);
    const storeEmail = `${compact(firstName)}.${compact(lastName)}@${domain}`;
    const freeMail = rng.pick(FREE_MAIL_DOMAINS);
    const personalEmail = `${compact(firstName)}${freeMail === 'gmail.com' ? '.' : ''}${compact(lastName)}${rng.int(10, 99)}@${freeMail}`;
    const cell = at(cells, k);
    // Salespeople rather than BDC agents are the ones who drift to their own phone and mail.
    const sales = habit === 'personal_email' || habit === 'cell_phone' || rng.chance(0.25);
    const user: UserRecord = {
      type: 'user',
      id: `u-${storeNumber}${String(k + 1).padStart(2, '0')}`,
      line: 0,
      raw: null,
      storeId,
      name: `${firstName} ${lastName}`,
      role: sales ? 'sales' : 'bdc',
      emails: [storeEmail],
      phoneNumbers: [cell],
    };
    return {
      user,
      habit,
      profile: habitProfile(habit),
      firstName,
      storeEmail,
      personalEmail,
      cell,
    };
  });
}

/**
 * Twelve numbers per store: lines first, then one cell per agent. Stores of a metro take the
 * metro's area codes in turn and eight blocks per code, so numbers stay unique up to 160 stores.
 */
function phoneBlock(metro: Metro, index: number): string[] {
  const ordinal = Math.floor(index / METROS.length);
  const areaCode = at(metro.areaCodes, ordinal);
  const block = Math.floor(ordinal / metro.areaCodes.length) % BLOCKS_PER_AREA_CODE;
  return Array.from({ length: SLOTS_PER_STORE }, (_, k) => {
    const slot = block * SLOTS_PER_STORE + k;
    return `+1${areaCode}55501${String(slot).padStart(2, '0')}`;
  });
}

function businessHours(rng: Prng): WeeklyHours {
  const open = rng.pick(['08:30', '09:00', '09:00']);
  const close = rng.pick(['19:00', '20:00', '20:00', '21:00']);
  const weekday = [open, close] as const;
  return {
    mon: weekday,
    tue: weekday,
    wed: weekday,
    thu: weekday,
    fri: weekday,
    sat: ['09:00', rng.pick(['17:00', '18:00', '18:00', '19:00'])],
    sun: rng.chance(0.2) ? ['11:00', '17:00'] : null,
  };
}

/** `Smith Toyota of Mesa` → `smith-toyota-of-mesa`. */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Cyclic indexing: never undefined for a non-empty list. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[((index % items.length) + items.length) % items.length];
  if (item === undefined) throw new RangeError('at() needs a non-empty list');
  return item;
}

function shuffle<T>(rng: Prng, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
}
