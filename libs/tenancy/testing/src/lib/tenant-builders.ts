import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { type MembershipRole, signAccessToken, type TokenSettings } from '@candor/platform-auth';
import { runInTenant } from '@candor/platform-database';

export interface TestTenant {
  consultancyId: string;
  ownerId: string;
  storeIds: string[];
  storeExternalIds: string[];
}

const unique = () => randomUUID().slice(0, 8);

/** A dealership's usual week: 9–8 on weekdays, 9–6 on Saturday, closed on Sunday. */
export const DEALER_HOURS = {
  mon: ['09:00', '20:00'],
  tue: ['09:00', '20:00'],
  wed: ['09:00', '20:00'],
  thu: ['09:00', '20:00'],
  fri: ['09:00', '20:00'],
  sat: ['09:00', '18:00'],
  sun: null,
};
const HOURS = JSON.stringify(DEALER_HOURS);

export interface TestStore {
  externalId: string;
  name: string;
  /** Other names the store goes by (default none). */
  names?: string[];
  /** Default America/Chicago. */
  timeZone?: string;
  /** Default none (null): the bundle's hours, if any, apply. */
  businessHours?: Record<string, [string, string] | string[] | null> | null;
}

/** One more store of a tenant, by plain SQL through the app role; its uuid. */
export async function addStore(
  ds: DataSource,
  tenant: { consultancyId: string },
  store: TestStore,
): Promise<string> {
  const id = randomUUID();
  await runInTenant(ds, tenant, (tx) =>
    tx.query(
      `INSERT INTO store (consultancy_id, id, external_id, name, names, time_zone, business_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenant.consultancyId,
        id,
        store.externalId,
        store.name,
        store.names ?? [],
        store.timeZone ?? 'America/Chicago',
        JSON.stringify(store.businessHours ?? null),
      ],
    ),
  );
  return id;
}

/**
 * A consultancy with an owner and `stores` stores. Written with plain SQL through the app role
 * (RLS on), independently of the repositories the tests exercise.
 */
export async function newTenant(
  ds: DataSource,
  options: { name?: string; stores?: number } = {},
): Promise<TestTenant> {
  const tag = unique();
  const consultancyId = randomUUID();
  await runInTenant(ds, { consultancyId }, (tx) =>
    tx.query('INSERT INTO consultancy (id, name) VALUES ($1, $2)', [
      consultancyId,
      options.name ?? `Consultancy ${tag}`,
    ]),
  );
  const ownerId = await newMember(ds, consultancyId, 'consultancy_owner');
  const storeIds: string[] = [];
  const storeExternalIds: string[] = [];
  await runInTenant(ds, { consultancyId }, async (tx) => {
    for (let i = 0; i < (options.stores ?? 2); i++) {
      const id = randomUUID();
      const externalId = `store-${tag}-${i}`;
      await tx.query(
        `INSERT INTO store (consultancy_id, id, external_id, name, names, time_zone, business_hours)
         VALUES ($1, $2, $3, $4, $5, 'America/Chicago', $6)`,
        [consultancyId, id, externalId, `Store ${tag} ${i}`, [`Store ${tag} ${i}`], HOURS],
      );
      storeIds.push(id);
      storeExternalIds.push(externalId);
    }
  });
  return { consultancyId, ownerId, storeIds, storeExternalIds };
}

/** A person with a membership of `role` (and assigned stores) in the consultancy. */
export async function newMember(
  ds: DataSource,
  consultancyId: string,
  role: MembershipRole,
  storeIds: readonly string[] = [],
): Promise<string> {
  const tag = unique();
  const userId = randomUUID();
  await runInTenant(ds, { consultancyId }, async (tx) => {
    await tx.query('INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)', [
      userId,
      `${role}-${tag}@example.test`,
      `${role} ${tag}`,
    ]);
    await tx.query('INSERT INTO membership (consultancy_id, user_id, role) VALUES ($1, $2, $3)', [
      consultancyId,
      userId,
      role,
    ]);
    for (const storeId of storeIds) {
      await tx.query(
        'INSERT INTO membership_store (consultancy_id, user_id, store_id) VALUES ($1, $2, $3)',
        [consultancyId, userId, storeId],
      );
    }
  });
  return userId;
}

/** An access token as the AuthGuard expects it. */
export function tokenFor(userId: string, consultancyId: string, settings: TokenSettings): string {
  return signAccessToken({ sub: userId, cid: consultancyId }, settings, 600);
}

/** Gives a person a password (argon2id, stored through the sign-in function as the app would). */
export async function setPassword(ds: DataSource, userId: string, password: string): Promise<void> {
  await ds.query('SELECT auth_set_password($1, $2)', [userId, await hash(password)]);
}

export interface SignInMember {
  userId: string;
  email: string;
  password: string;
}

/** A member who can sign in with e-mail and password. */
export async function newSignInMember(
  ds: DataSource,
  consultancyId: string,
  role: MembershipRole,
  storeIds: readonly string[] = [],
): Promise<SignInMember> {
  const userId = await newMember(ds, consultancyId, role, storeIds);
  const [row] = await runInTenant(ds, { consultancyId }, (tx) =>
    tx.query<{ email: string }>('SELECT email FROM app_user WHERE id = $1', [userId]),
  );
  const password = `pw-${randomUUID()}`;
  await setPassword(ds, userId, password);
  return { userId, email: row!.email, password };
}

/** Adds an existing person to another consultancy. */
export async function addMembership(
  ds: DataSource,
  consultancyId: string,
  userId: string,
  role: MembershipRole,
): Promise<void> {
  await runInTenant(ds, { consultancyId }, (tx) =>
    tx.query('INSERT INTO membership (consultancy_id, user_id, role) VALUES ($1, $2, $3)', [
      consultancyId,
      userId,
      role,
    ]),
  );
}

/**
 * A person with no membership anywhere, made platform staff the way `candor admin grant` does:
 * a row in platform_admin, which only the owner role may write (pass an owner data source).
 */
export async function newPlatformAdmin(
  ds: DataSource,
  owner: DataSource,
  password = `pw-${randomUUID()}`,
): Promise<SignInMember> {
  const userId = randomUUID();
  const email = `staff-${unique()}@candor.test`;
  // Any tenant scope lets the app role insert a person; none of them will see this one.
  await runInTenant(ds, { consultancyId: randomUUID() }, (tx) =>
    tx.query('INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)', [
      userId,
      email,
      'Platform staff',
    ]),
  );
  await setPassword(ds, userId, password);
  await owner.query('INSERT INTO platform_admin (user_id) VALUES ($1)', [userId]);
  return { userId, email, password };
}

/** An access token of a platform admin signed in without a membership. */
export function platformTokenFor(userId: string, settings: TokenSettings): string {
  return signAccessToken({ sub: userId, cid: null, pa: true }, settings, 600);
}
