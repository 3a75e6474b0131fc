import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import {
  addMembership,
  newSignInMember,
  newTenant,
  type SignInMember,
  type TestTenant,
} from '@candor/tenancy-testing';
import request from 'supertest';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

const SIGN_IN = `mutation($email: String!, $password: String!, $cid: ID) {
  signIn(email: $email, password: $password, consultancyId: $cid) {
    accessToken refreshToken consultancyId
  }
}`;
const REFRESH = `mutation($t: String) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const VIEWER = '{ viewer { role user { email } consultancy { id } } }';

interface Session {
  accessToken: string;
  refreshToken: string;
  consultancyId: string;
}

describe('sign-in, refresh and sign-out', () => {
  let api: RunningApi;
  let ds: DataSource;
  let tenant: TestTenant;
  let other: TestTenant;
  let manager: SignInMember;

  const signIn = (email: string, password: string, cid?: string) =>
    gql<{ signIn: Session }>(api, null, SIGN_IN, { email, password, cid });

  beforeAll(async () => {
    api = await startApi();
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 2 });
    other = await newTenant(ds, { stores: 1 });
    manager = await newSignInMember(ds, tenant.consultancyId, 'dealer_manager', [
      tenant.storeIds[0]!,
    ]);
  });

  afterAll(async () => {
    await api?.stop();
    await ds?.destroy();
  });

  it('signs in with e-mail and password and sees what the role allows', async () => {
    const res = await signIn(manager.email.toUpperCase(), manager.password);
    expect(res.errors).toBeUndefined();
    const session = res.data!.signIn;
    expect(session.consultancyId).toBe(encodeId('Consultancy', tenant.consultancyId));
    const viewer = await gql(api, session.accessToken, VIEWER);
    expect(viewer.data).toEqual({
      viewer: {
        role: 'DEALER_MANAGER',
        user: { email: manager.email },
        consultancy: { id: encodeId('Consultancy', tenant.consultancyId) },
      },
    });
  });

  it('keeps password hashes and throttles out of the application role’s reach', async () => {
    await expect(ds.query('SELECT * FROM user_credential')).rejects.toThrow(/permission denied/);
    await expect(ds.query('SELECT * FROM sign_in_throttle')).rejects.toThrow(/permission denied/);
  });

  it('answers an unknown e-mail and a wrong password with the same words', async () => {
    const wrong = await signIn(manager.email, 'not-the-password-at-all');
    const unknown = await signIn('nobody-here@example.test', 'not-the-password-at-all');
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors?.[0]?.message).toBe('Incorrect e-mail or password');
    expect(unknown.errors?.[0]?.message).toBe('Incorrect e-mail or password');
  });

  it('rotates refresh tokens and signs out the whole sign-in when a used one comes back', async () => {
    const first = (await signIn(manager.email, manager.password)).data!.signIn;
    const second = await gql<{ refreshSession: Session }>(api, null, REFRESH, {
      t: first.refreshToken,
    });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect((await gql(api, rotated.accessToken, VIEWER)).errors).toBeUndefined();

    // An attacker replays the first token: refused, and the legitimate newer token dies too.
    const replay = await gql(api, null, REFRESH, { t: first.refreshToken });
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);
    expect(replay.errors?.[0]?.message).toMatch(/already used/);
    const afterReplay = await gql(api, null, REFRESH, { t: rotated.refreshToken });
    expect(errorCodes(afterReplay)).toEqual(['UNAUTHENTICATED']);
  });

  it('sets an httpOnly SameSite=Strict cookie that refreshes and signs out', async () => {
    const agent = request.agent(api.url);
    const res = await agent
      .post('/graphql')
      .send({ query: SIGN_IN, variables: { email: manager.email, password: manager.password } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/candor_refresh=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const refreshed = await agent.post('/graphql').send({ query: REFRESH });
    expect(
      (refreshed.body as { data: { refreshSession: Session } }).data.refreshSession,
    ).toBeTruthy();
    const out = await agent.post('/graphql').send({ query: 'mutation { signOut }' });
    expect((out.body as { data: unknown }).data).toEqual({ signOut: true });
    const token = (refreshed.body as { data: { refreshSession: Session } }).data.refreshSession;
    expect(errorCodes(await gql(api, null, REFRESH, { t: token.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('clears the refresh cookie when a refresh fails, so a used token is not presented again', async () => {
    const portal = request.agent(api.url);
    const signedIn = await portal
      .post('/graphql')
      .send({ query: SIGN_IN, variables: { email: manager.email, password: manager.password } });
    const used = (signedIn.body as { data: { signIn: Session } }).data.signIn.refreshToken;
    expect((await portal.post('/graphql').send({ query: REFRESH })).status).toBe(200);
    // The portal's cookie now holds the rotated token; replaying the used one is refused...
    const replay = await request(api.url)
      .post('/graphql')
      .set('cookie', `candor_refresh=${encodeURIComponent(used)}`)
      .send({ query: REFRESH });
    expect(
      (replay.body as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions,
    ).toMatchObject({ code: 'UNAUTHENTICATED' });
    // ...and the answer tells the browser to forget that cookie (expired, empty).
    const cleared = String(replay.headers['set-cookie']);
    expect(cleared).toMatch(/candor_refresh=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared).toMatch(/Path=\/graphql/);
  });

  it('asks which consultancy when a person belongs to several, then signs in to the chosen one', async () => {
    const person = await newSignInMember(ds, tenant.consultancyId, 'consultant');
    await addMembership(ds, other.consultancyId, person.userId, 'consultancy_owner');
    const ambiguous = await signIn(person.email, person.password);
    expect(errorCodes(ambiguous)).toEqual(['BAD_USER_INPUT']);
    expect(ambiguous.errors?.[0]?.message).toContain(encodeId('Consultancy', other.consultancyId));
    const chosen = await signIn(
      person.email,
      person.password,
      encodeId('Consultancy', other.consultancyId),
    );
    const viewer = await gql<{ viewer: { role: string } }>(
      api,
      chosen.data!.signIn.accessToken,
      VIEWER,
    );
    expect(viewer.data?.viewer.role).toBe('CONSULTANCY_OWNER');
    const switched = await gql<{ switchConsultancy: Session }>(
      api,
      chosen.data!.signIn.accessToken,
      'mutation($c: ID!) { switchConsultancy(consultancyId: $c) { accessToken } }',
      { c: encodeId('Consultancy', tenant.consultancyId) },
    );
    const back = await gql<{ viewer: { role: string } }>(
      api,
      switched.data!.switchConsultancy.accessToken,
      VIEWER,
    );
    expect(back.data?.viewer.role).toBe('CONSULTANT');
    const memberships = await gql<{
      viewer: { memberships: { role: string; active: boolean; consultancy: { id: string } }[] };
    }>(
      api,
      switched.data!.switchConsultancy.accessToken,
      '{ viewer { memberships { role active consultancy { id } } } }',
    );
    expect(memberships.data?.viewer.memberships).toHaveLength(2);
    expect(memberships.data?.viewer.memberships).toContainEqual({
      role: 'CONSULTANCY_OWNER',
      active: false,
      consultancy: { id: encodeId('Consultancy', other.consultancyId) },
    });
  });

  it('changes a password: the old one stops working, the new one works', async () => {
    const person = await newSignInMember(ds, tenant.consultancyId, 'dealer_agent');
    const session = (await signIn(person.email, person.password)).data!.signIn;
    const weak = await gql(
      api,
      session.accessToken,
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: person.password, n: 'short' },
    );
    expect(weak.errors?.[0]?.extensions?.['fields']).toEqual([
      { field: 'newPassword', message: 'must be at least 12 characters long' },
    ]);
    const changed = await gql(
      api,
      session.accessToken,
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: person.password, n: 'a much longer new passphrase' },
    );
    expect(changed.data).toEqual({ changePassword: true });
    expect(errorCodes(await signIn(person.email, person.password))).toEqual(['UNAUTHENTICATED']);
    expect((await signIn(person.email, 'a much longer new passphrase')).errors).toBeUndefined();
    // Sessions from before the change are signed out.
    expect(errorCodes(await gql(api, null, REFRESH, { t: session.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('locks an account after 5 failures, even for the right password, and says when to retry', async () => {
    const person = await newSignInMember(ds, tenant.consultancyId, 'dealer_agent');
    for (let i = 0; i < 5; i++) {
      expect(errorCodes(await signIn(person.email, `wrong-${i}-password`))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
    const locked = await signIn(person.email, person.password);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect(locked.errors?.[0]?.message).toMatch(/try again in \d+ seconds/);
    // Other accounts are unaffected.
    expect((await signIn(manager.email, manager.password)).errors).toBeUndefined();
  });

  it('audits sign-in successes and failures for owners to read', async () => {
    const owner = await newSignInMember(ds, tenant.consultancyId, 'consultancy_owner');
    const session = (await signIn(owner.email, owner.password)).data!.signIn;
    const res = await gql<{
      auditEvents: { totalCount: number; nodes: { action: string; ip: string | null }[] };
    }>(
      api,
      session.accessToken,
      `query($f: AuditEventFilterInput) { auditEvents(first: 100, filter: $f) {
        totalCount nodes { action ip } } }`,
      { f: { entityType: 'user' } },
    );
    expect(res.errors).toBeUndefined();
    const actions = res.data!.auditEvents.nodes.map((n) => n.action);
    expect(actions).toContain('auth.sign_in');
    expect(actions).toContain('auth.sign_in_failed');
    expect(res.data!.auditEvents.nodes[0]?.ip).toBeTruthy();
    // A manager may not read the trail.
    const mine = (await signIn(manager.email, manager.password)).data!.signIn;
    expect(errorCodes(await gql(api, mine.accessToken, '{ auditEvents { totalCount } }'))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
