import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource, ownerDataSource } from '@candor/platform-testing';
import { newMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const VERIFY = '{ verifyAuditChain { intact checkedEvents firstBrokenSeq reason } }';
const RENAME = `mutation($id: ID!, $name: String!) {
  updateStore(id: $id, input: { name: $name }) { name }
}`;

interface Report {
  verifyAuditChain: {
    intact: boolean;
    checkedEvents: number;
    firstBrokenSeq: number | null;
    reason: string | null;
  };
}

describe('audit trail', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: DataSource;
  let tenant: TestTenant;
  let other: TestTenant;
  let token: string;

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    owner = await ownerDataSource();
    tenant = await newTenant(ds, { stores: 1 });
    other = await newTenant(ds, { stores: 1 });
    token = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
    for (const name of ['One', 'Two', 'Three', 'Four']) {
      const res = await gql(api, token, RENAME, {
        id: encodeId('Store', tenant.storeIds[0]!),
        name,
      });
      expect(res.errors).toBeUndefined();
    }
    const otherToken = tokenFor(other.ownerId, other.consultancyId, api.tokens);
    await gql(api, otherToken, RENAME, { id: encodeId('Store', other.storeIds[0]!), name: 'B' });
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
    await owner?.destroy();
  });

  it('records each store change once, with who and where', async () => {
    const res = await gql<{
      auditEvents: {
        totalCount: number;
        nodes: { seq: number; action: string; actorId: string; ip: string }[];
      };
    }>(
      api,
      token,
      `{ auditEvents(first: 2, filter: { entityType: "store" }) {
        totalCount nodes { seq action actorId ip } } }`,
    );
    expect(res.data!.auditEvents.totalCount).toBe(4);
    const newest = res.data!.auditEvents.nodes[0]!;
    expect(newest).toMatchObject({ seq: 4, action: 'store.updated', actorId: tenant.ownerId });
    expect(newest.ip).toBeTruthy();
    // The service's event (with the diff) is the mutation's only row: no generic duplicate.
    const generic = await gql<{ auditEvents: { totalCount: number } }>(
      api,
      token,
      '{ auditEvents(filter: { action: "mutation.updateStore" }) { totalCount } }',
    );
    expect(generic.data!.auditEvents.totalCount).toBe(0);
  });

  it('records what a store looked like before and after each change', async () => {
    const res = await gql<{ auditEvents: { nodes: { before: string; after: string }[] } }>(
      api,
      token,
      `{ auditEvents(first: 1, filter: { entityType: "store", action: "store.updated" }) {
        nodes { before after } } }`,
    );
    const [latest] = res.data!.auditEvents.nodes;
    expect(JSON.parse(latest!.before)).toMatchObject({ name: 'Three' });
    expect(JSON.parse(latest!.after)).toMatchObject({ name: 'Four' });
  });

  it('reports an intact chain per consultancy', async () => {
    const res = await gql<Report>(api, token, VERIFY);
    expect(res.data!.verifyAuditChain).toEqual({
      intact: true,
      checkedEvents: 4,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('does not let the application role change or delete history', async () => {
    await expect(
      runInTenant(ds, tenant, (tx) => tx.query(`UPDATE audit_event SET action = 'x'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      runInTenant(ds, tenant, (tx) => tx.query('DELETE FROM audit_event')),
    ).rejects.toThrow(/permission denied/);
    // Nor read another tenant's trail.
    const seen = await runInTenant(ds, other, (tx) =>
      tx.query<{ consultancy_id: string }>('SELECT consultancy_id FROM audit_event'),
    );
    expect(seen.every((r) => r.consultancy_id === other.consultancyId)).toBe(true);
  });

  it('names the first edited row, then the first deleted row', async () => {
    await runInTenant(owner, tenant, (tx) =>
      tx.query(`UPDATE audit_event SET after = '{"name":"forged"}' WHERE seq = 2`),
    );
    const edited = await gql<Report>(api, token, VERIFY);
    expect(edited.data!.verifyAuditChain).toMatchObject({
      intact: false,
      firstBrokenSeq: 2,
      reason: 'content does not match its hash (edited)',
    });

    await runInTenant(owner, tenant, (tx) => tx.query('DELETE FROM audit_event WHERE seq <= 2'));
    const deleted = await gql<Report>(api, token, VERIFY);
    expect(deleted.data!.verifyAuditChain).toMatchObject({ intact: false, firstBrokenSeq: 1 });
    expect(deleted.data!.verifyAuditChain.reason).toMatch(/missing/);

    // The other consultancy's chain is untouched.
    const otherToken = tokenFor(other.ownerId, other.consultancyId, api.tokens);
    const intact = await gql<Report>(api, otherToken, VERIFY);
    expect(intact.data!.verifyAuditChain.intact).toBe(true);
  });

  it('is for owners only', async () => {
    const consultant = await newMember(ds, tenant.consultancyId, 'consultant', tenant.storeIds);
    const t = tokenFor(consultant, tenant.consultancyId, api.tokens);
    expect(errorCodes(await gql(api, t, VERIFY))).toEqual(['FORBIDDEN']);
  });
});
