import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeId } from '@candor/platform-graphql';
import { appDataSource } from '@candor/platform-testing';
import { newSignInMember, newTenant, type TestTenant, tokenFor } from '@candor/tenancy-testing';
import { errorCodes, gql, type RunningApi, startApi } from '../support/api-process';

interface Received {
  to: string[];
  body: string;
}

/** A real SMTP server on a free port; collects what Candor sends. */
async function startSmtp(): Promise<{ url: string; inbox: Received[]; stop: () => Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (c: Buffer) => (body += c.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link to `path` in a mail (quoted-printable soft breaks undone). */
function tokenIn(mail: Received, path: string): string {
  const body = mail.body.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = new RegExp(`https://portal\\.candor\\.test/${path}\\?token=([^\\s]+)`).exec(body);
  if (!match?.[1]) throw new Error(`no ${path} link in:\n${mail.body}`);
  return decodeURIComponent(match[1]);
}

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }`;
const ACCEPT = `mutation($t: String!, $n: String!, $p: String!) {
  acceptInvitation(token: $t, name: $n, password: $p) { email consultancyId }
}`;
const INVITE = `mutation($e: String!, $r: Role!, $s: [ID!]) {
  inviteMember(email: $e, role: $r, storeIds: $s) { id expiresAt }
}`;

describe('invitations and password resets by e-mail', () => {
  let api: RunningApi;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let ds: DataSource;
  let tenant: TestTenant;
  let owner: string;

  const mailTo = (to: string): Received => {
    // The API answers only after the SMTP server accepted the message, so it is already here.
    const mail = smtp.inbox.find((m) => m.to.includes(to));
    if (!mail) throw new Error(`no mail to ${to}; inbox: ${smtp.inbox.map((m) => m.to).join()}`);
    return mail;
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    api = await startApi({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.candor.test/' });
    ds = await appDataSource();
    tenant = await newTenant(ds, { stores: 2 });
    owner = tokenFor(tenant.ownerId, tenant.consultancyId, api.tokens);
  });

  afterAll(async () => {
    await api?.stop();
    await smtp?.stop();
    await ds?.destroy();
  });

  it('invites a dealer manager who accepts, signs in and sees only their store', async () => {
    const email = `new-manager-${Date.now()}@dealer.test`;
    const invited = await gql(api, owner, INVITE, {
      e: email,
      r: 'DEALER_MANAGER',
      s: [encodeId('Store', tenant.storeIds[1]!)],
    });
    expect(invited.errors).toBeUndefined();
    const mail = mailTo(email);
    expect(mail.body).toContain('Subject: You are invited to');
    const token = tokenIn(mail, 'accept-invitation');

    const accepted = await gql(api, null, ACCEPT, {
      t: token,
      n: 'Nia Manager',
      p: 'a long enough password',
    });
    expect(accepted.data).toEqual({
      acceptInvitation: { email, consultancyId: encodeId('Consultancy', tenant.consultancyId) },
    });
    // Single use.
    const again = await gql(api, null, ACCEPT, { t: token, n: 'X', p: 'a long enough password' });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);

    const session = await gql<{ signIn: { accessToken: string } }>(api, null, SIGN_IN, {
      e: email,
      p: 'a long enough password',
    });
    const access = session.data!.signIn.accessToken;
    const viewer = await gql(
      api,
      access,
      '{ viewer { role user { name } } stores { totalCount nodes { id } } }',
    );
    expect(viewer.data).toEqual({
      viewer: { role: 'DEALER_MANAGER', user: { name: 'Nia Manager' } },
      stores: { totalCount: 1, nodes: [{ id: encodeId('Store', tenant.storeIds[1]!) }] },
    });
    const otherStore = await gql(api, access, 'query($id: ID!) { store(id: $id) { id } }', {
      id: encodeId('Store', tenant.storeIds[0]!),
    });
    expect(errorCodes(otherStore)).toEqual(['NOT_FOUND']);
  });

  it('lets only people with members:invite send invitations', async () => {
    const manager = await newSignInMember(
      ds,
      tenant.consultancyId,
      'dealer_manager',
      tenant.storeIds,
    );
    const token = tokenFor(manager.userId, tenant.consultancyId, api.tokens);
    const res = await gql(api, token, INVITE, { e: 'x@dealer.test', r: 'CONSULTANT' });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
  });

  it('resets a forgotten password through the e-mailed link, once', async () => {
    const person = await newSignInMember(ds, tenant.consultancyId, 'consultant');
    const asked = await gql(
      api,
      null,
      'mutation($e: String!) { requestPasswordReset(email: $e) }',
      {
        e: person.email,
      },
    );
    expect(asked.data).toEqual({ requestPasswordReset: true });
    const token = tokenIn(mailTo(person.email), 'reset-password');
    const RESET =
      'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
    expect((await gql(api, null, RESET, { t: token, p: 'brand new passphrase' })).data).toEqual({
      resetPassword: true,
    });
    expect(errorCodes(await gql(api, null, RESET, { t: token, p: 'another passphrase!' }))).toEqual(
      ['BAD_USER_INPUT'],
    );
    expect(
      errorCodes(await gql(api, null, SIGN_IN, { e: person.email, p: person.password })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      (await gql(api, null, SIGN_IN, { e: person.email, p: 'brand new passphrase' })).errors,
    ).toBeUndefined();
  });

  it('answers a reset request for an unknown address the same way, sending nothing', async () => {
    const before = smtp.inbox.length;
    const res = await gql(
      api,
      null,
      'mutation { requestPasswordReset(email: "nobody@nowhere.test") }',
    );
    expect(res.data).toEqual({ requestPasswordReset: true });
    expect(smtp.inbox.length).toBe(before);
  });
});
