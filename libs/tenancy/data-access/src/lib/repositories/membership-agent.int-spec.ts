import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFrom, ownWorkFilter } from '@candor/platform-auth';
import { runInTenant } from '@candor/platform-database';
import { appDataSource } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant } from '@candor/tenancy-testing';
import { TENANCY_ENTITIES } from '../entities';
import { MembershipRepository } from './membership.repository';

/** Links written as linkAgentIdentity writes them (plain SQL, app role, RLS on). */
async function link(ds: DataSource, t: TestTenant, userId: string, store: string, crm: string) {
  await runInTenant(ds, t, (tx) =>
    tx.query(
      `INSERT INTO agent_identity (consultancy_id, user_id, store_id, crm_user_id, created_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [t.consultancyId, userId, store, crm, t.ownerId],
    ),
  );
}

describe("an agent's own evidence user ids in the membership grant", () => {
  const repo = new MembershipRepository();
  let ds: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let agent: string;

  beforeAll(async () => {
    ds = await appDataSource({ entities: TENANCY_ENTITIES });
    a = await newTenant(ds, { stores: 2 });
    b = await newTenant(ds, { stores: 1 });
    agent = await newMember(ds, a.consultancyId, 'dealer_agent', a.storeIds);
    await link(ds, a, agent, a.storeIds[0]!, 'u-17');
    await link(ds, a, agent, a.storeIds[0]!, 'u-17-old');
    await link(ds, a, agent, a.storeIds[1]!, 'dana');
  });

  afterAll(() => ds?.destroy());

  it('loads every store’s ids with the grant, and ownWorkFilter narrows to them', async () => {
    const grant = await runInTenant(ds, a, (tx) => repo.findGrant(tx, agent));
    expect(grant?.evidenceUserIds).toEqual({
      [a.storeIds[0]!]: ['u-17', 'u-17-old'],
      [a.storeIds[1]!]: ['dana'],
    });
    const ctx = contextFrom(agent, a.consultancyId, grant!);
    expect(ownWorkFilter(ctx, a.storeIds[0]!)).toEqual(['u-17', 'u-17-old']);
    expect(ownWorkFilter(ctx, a.storeIds[1]!)).toEqual(['dana']);
  });

  it('does not load links for other roles (they are not restricted)', async () => {
    const manager = await newMember(ds, a.consultancyId, 'dealer_manager', a.storeIds);
    const grant = await runInTenant(ds, a, (tx) => repo.findGrant(tx, manager));
    expect(grant?.evidenceUserIds).toBeUndefined();
    expect(ownWorkFilter(contextFrom(manager, a.consultancyId, grant!), a.storeIds[0]!)).toBeNull();
  });

  it("keeps tenant B from reading or writing tenant A's links", async () => {
    const seen = await runInTenant(ds, b, (tx) => tx.query('SELECT * FROM agent_identity'));
    expect(seen).toEqual([]);
    expect(await runInTenant(ds, b, (tx) => repo.evidenceUserIds(tx, agent))).toEqual({});
    await expect(
      runInTenant(ds, b, (tx) =>
        tx.query(
          `INSERT INTO agent_identity (consultancy_id, user_id, store_id, crm_user_id, created_by)
           VALUES ($1, $2, $3, 'u-99', $4)`,
          [a.consultancyId, agent, a.storeIds[0], b.ownerId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await runInTenant(ds, b, (tx) =>
      tx.query<{ id: string }>('DELETE FROM agent_identity RETURNING id'),
    );
    expect(deleted).toEqual([]);
    const still = await runInTenant(ds, a, (tx) => repo.evidenceUserIds(tx, agent));
    expect(Object.keys(still)).toHaveLength(2);
  });

  it('refuses a link to a store or a person of another tenant', async () => {
    // B's own tenant scope, but A's agent: the membership foreign key has no such row in B.
    await expect(link(ds, b, agent, b.storeIds[0]!, 'u-1')).rejects.toThrow(/foreign key/);
    // A's agent with B's store, in A's scope.
    await expect(link(ds, a, agent, b.storeIds[0]!, 'u-1')).rejects.toThrow(/foreign key/);
  });
});
