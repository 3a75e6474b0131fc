import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInTenant } from '@candor/platform-database';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource, ownerDataSource, testDatabase } from '@candor/platform-testing';
import {
  addMembership,
  newPlatformAdmin,
  newTenant,
  setPassword,
  type SignInMember,
  type TestTenant,
  tokenFor,
} from '@candor/tenancy-testing';
import {
  errorCodes,
  gql,
  type GraphQLResponse,
  type RunningApi,
  startApi,
} from '../support/api-process';
import { CANDOR, type CliResult, ROOT } from '../support/run-cli';

/** `candor admin …` against the test database as the owner role, as an operator would run it. */
function candorAdmin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const base: NodeJS.ProcessEnv = { ...process.env, DATABASE_OWNER_URL: testDatabase().ownerUrl };
  delete base['DATABASE_URL'];
  const child = spawn(CANDOR, ['admin', ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const SIGN_IN = `mutation($e: String!, $p: String!, $c: ID) {
  signIn(email: $e, password: $p, consultancyId: $c) {
    accessToken refreshToken consultancyId platformAdmin
  }
}`;
const CONSULTANCIES = `query($after: String) {
  consultancies(first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id name storeCount memberCount }
  }
}`;
const CREATE = `mutation($n: String!, $e: String!, $o: String!) {
  createConsultancy(name: $n, ownerEmail: $e, ownerName: $o) {
    consultancy { id name storeCount memberCount } ownerInvitation { id expiresAt }
  }
}`;
const STORE = 'query($id: ID!) { store(id: $id) { id } }';

interface Summary {
  id: string;
  name: string;
  storeCount: number;
  memberCount: number;
}

describe('platform admins', () => {
  let api: RunningApi;
  let ds: DataSource;
  let owner: DataSource;
  let a: TestTenant;
  let b: TestTenant;
  let staff: SignInMember;

  const signIn = (m: SignInMember, c?: string) =>
    gql<{
      signIn: {
        accessToken: string;
        refreshToken: string | null;
        consultancyId: string | null;
        platformAdmin: boolean;
      };
    }>(api, null, SIGN_IN, { e: m.email, p: m.password, c });

  interface Page {
    consultancies: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: Summary[];
    };
  }

  /** Every consultancy the API lists, following the pages. */
  async function listAll(token: string): Promise<{ total: number; nodes: Summary[] }> {
    const nodes: Summary[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const res: GraphQLResponse<Page> = await gql<Page>(api, token, CONSULTANCIES, { after });
      expect(res.errors).toBeUndefined();
      total = res.data!.consultancies.totalCount;
      nodes.push(...res.data!.consultancies.nodes);
      if (!res.data!.consultancies.pageInfo.hasNextPage) return { total, nodes };
      after = res.data!.consultancies.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    owner = await ownerDataSource();
    a = await newTenant(ds, { stores: 3 });
    b = await newTenant(ds, { stores: 1 });
    staff = await newPlatformAdmin(ds, owner);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
    await owner?.destroy();
  });

  it('signs in without a membership and lists every tenant with its counts', async () => {
    const res = await signIn(staff);
    expect(res.errors).toBeUndefined();
    expect(res.data!.signIn).toMatchObject({
      consultancyId: null,
      refreshToken: null,
      platformAdmin: true,
    });
    const { total, nodes } = await listAll(res.data!.signIn.accessToken);
    expect(nodes).toHaveLength(total);
    expect(nodes).toContainEqual(
      expect.objectContaining({ id: encodeId('Consultancy', a.consultancyId), storeCount: 3 }),
    );
    expect(nodes.find((n) => n.id === encodeId('Consultancy', b.consultancyId))).toMatchObject({
      storeCount: 1,
      memberCount: 1,
    });
    const names = nodes.map((n) => n.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
  });

  it("cannot read a tenant's stores without a membership there", async () => {
    const token = (await signIn(staff)).data!.signIn.accessToken;
    expect(errorCodes(await gql(api, token, '{ stores { totalCount } }'))).toEqual(['FORBIDDEN']);
    const one = await gql(api, token, STORE, { id: encodeId('Store', a.storeIds[0]!) });
    expect(errorCodes(one)).toEqual(['FORBIDDEN']);
    // Nor does a forged token naming a consultancy get in: the membership is checked.
    const forged = tokenFor(staff.userId, a.consultancyId, api.tokens);
    expect(errorCodes(await gql(api, forged, '{ stores { totalCount } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('with a membership, acts as that member there and stays a platform admin', async () => {
    const person = await newPlatformAdmin(ds, owner);
    await addMembership(ds, a.consultancyId, person.userId, 'dealer_manager');
    await runInTenant(ds, a, (tx) =>
      tx.query(
        'INSERT INTO membership_store (consultancy_id, user_id, store_id) VALUES ($1, $2, $3)',
        [a.consultancyId, person.userId, a.storeIds[0]],
      ),
    );
    const session = (await signIn(person)).data!.signIn;
    expect(session).toMatchObject({
      consultancyId: encodeId('Consultancy', a.consultancyId),
      platformAdmin: true,
    });
    expect(session.refreshToken).toBeTruthy();
    const t = session.accessToken;
    expect((await listAll(t)).total).toBeGreaterThanOrEqual(2);
    const own = await gql(api, t, STORE, { id: encodeId('Store', a.storeIds[0]!) });
    expect(errorCodes(own)).toEqual([]);
    // Store Y of the same consultancy and any store of another are simply not there.
    const y = await gql(api, t, STORE, { id: encodeId('Store', a.storeIds[1]!) });
    expect(errorCodes(y)).toEqual(['NOT_FOUND']);
    const foreign = await gql(api, t, STORE, { id: encodeId('Store', b.storeIds[0]!) });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
  });

  it('creates a consultancy, invites its owner and records both in the new chain', async () => {
    const token = (await signIn(staff)).data!.signIn.accessToken;
    const email = `first-owner-${randomUUID().slice(0, 8)}@coaching.test`;
    const res = await gql<{
      createConsultancy: { consultancy: Summary; ownerInvitation: { id: string } };
    }>(api, token, CREATE, { n: '  Acme Coaching ', e: email, o: 'Ada Owner' });
    expect(res.errors).toBeUndefined();
    const made = res.data!.createConsultancy;
    expect(made.consultancy).toMatchObject({ name: 'Acme Coaching', storeCount: 0 });
    expect(made.ownerInvitation.id).toBeTruthy();
    const { nodes } = await listAll(token);
    expect(nodes.map((n) => n.id)).toContain(made.consultancy.id);

    const id = Buffer.from(made.consultancy.id, 'base64url').toString('utf8').split(':')[1]!;
    const trail = await runInTenant(ds, { consultancyId: id }, (tx) =>
      tx.query<{ seq: string; action: string; actor_id: string; after: unknown }>(
        'SELECT seq, action, actor_id, after FROM audit_event ORDER BY seq',
      ),
    );
    expect(trail.map((e) => e.action)).toEqual(['consultancy.created', 'member.invited']);
    expect(trail[0]).toMatchObject({
      actor_id: staff.userId,
      after: { name: 'Acme Coaching', ownerEmail: email, ownerName: 'Ada Owner' },
    });
    expect(trail[1]!.after).toMatchObject({ email, role: 'consultancy_owner' });
    const invited = await runInTenant(ds, { consultancyId: id }, (tx) =>
      tx.query<{ role: string }>('SELECT role FROM invitation WHERE email = $1', [email]),
    );
    expect(invited).toEqual([{ role: 'consultancy_owner' }]);
    // Creating it gave the platform admin no way in.
    const forged = tokenFor(staff.userId, id, api.tokens);
    expect(errorCodes(await gql(api, forged, '{ stores { totalCount } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('refuses bad input field by field and creates nothing', async () => {
    const token = (await signIn(staff)).data!.signIn.accessToken;
    const before = (await listAll(token)).total;
    const badEmail = await gql(api, token, CREATE, { n: 'Nope', e: 'not-an-email', o: 'X' });
    expect(errorCodes(badEmail)).toEqual(['BAD_USER_INPUT']);
    expect(badEmail.errors![0]!.message).toContain('ownerEmail');
    const badName = await gql(api, token, CREATE, { n: '   ', e: 'x@y.test', o: 'X' });
    expect(badName.errors![0]!.message).toContain('name: must be 1 to 200 characters');
    expect((await listAll(token)).total).toBe(before);
  });

  it('is refused to everyone else, and the database refuses them too', async () => {
    const ownerToken = tokenFor(a.ownerId, a.consultancyId, api.tokens);
    expect(errorCodes(await gql(api, ownerToken, CONSULTANCIES))).toEqual(['FORBIDDEN']);
    // A token that merely claims to be staff is checked against platform_admin.
    const fake = await newTenant(ds, { stores: 0 });
    const claimed = tokenFor(fake.ownerId, fake.consultancyId, api.tokens);
    expect(errorCodes(await gql(api, claimed, CONSULTANCIES))).toEqual(['FORBIDDEN']);
    await expect(
      ds.query('SELECT * FROM platform_consultancies($1, NULL, NULL, 10)', [a.ownerId]),
    ).rejects.toThrow(/not a platform admin/);
    await expect(
      ds.query('INSERT INTO platform_admin (user_id) VALUES ($1)', [a.ownerId]),
    ).rejects.toThrow(/permission denied/);
  });

  it('is granted and revoked with candor admin; a revoked token stops working at once', async () => {
    const email = `ops-${randomUUID().slice(0, 8)}@candor.test`;
    const missing = await candorAdmin(['grant', email]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`nobody has the e-mail ${email}`);

    const granted = await candorAdmin(['grant', email, '--name', 'Ops Person']);
    expect(granted.stdout).toContain(`${email} is now a platform admin; account created`);
    expect(granted.code).toBe(0);
    const again = await candorAdmin(['grant', email]);
    expect(again.stdout).toContain('was already a platform admin');
    expect((await candorAdmin(['list'])).stdout).toContain(email);

    const userId = await ds.query<{ u: string }[]>('SELECT auth_user_by_email($1) AS u', [email]);
    const person = { userId: userId[0]!.u, email, password: 'a long enough password' };
    await setPassword(ds, person.userId, person.password);
    const token = (await signIn(person)).data!.signIn.accessToken;
    expect(errorCodes(await gql(api, token, CONSULTANCIES))).toEqual([]);

    const revoked = await candorAdmin(['revoke', email]);
    expect(revoked.stdout).toContain(`${email} is no longer a platform admin`);
    expect(errorCodes(await gql(api, token, CONSULTANCIES))).toEqual(['UNAUTHENTICATED']);
    // Without any membership, signing in is now refused like a wrong password.
    expect(errorCodes(await signIn(person))).toEqual(['UNAUTHENTICATED']);
  });

  it('needs the owner role to change platform admins', async () => {
    const res = await candorAdmin(['grant', 'x@y.test'], {
      DATABASE_OWNER_URL: '',
      DATABASE_URL: testDatabase().appUrl,
    });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('DATABASE_OWNER_URL');
    expect((await candorAdmin(['promote', 'x@y.test'])).code).toBe(2);
  });
});
