import { afterEach, describe, expect, it } from 'vitest';
import {
  FakeTokenIssuer,
  FakeVendorServer,
  type ReceivedRequest,
} from '@candor/connectors-testing';
import { basicAuth, clientCredentials } from './auth-strategy';
import { HttpClient } from './http-client';
import { VendorHttpError } from './http-error';
import { retryAfterMs } from './retry-policy';

const servers: FakeVendorServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: (r: ReceivedRequest) => { status: number; body: unknown }) {
  const server = await new FakeVendorServer(handler).start();
  servers.push(server);
  return server;
}

/** A client whose waits are recorded, not slept: tests assert what was waited, not how long. */
function client(url: string, extra: Partial<ConstructorParameters<typeof HttpClient>[0]> = {}) {
  const waits: number[] = [];
  const http = new HttpClient({
    baseUrl: url,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 120_000 },
    random: () => 0.5,
    ...extra,
  });
  return { http, waits };
}

describe('HttpClient', () => {
  it('retries a 429 after the Retry-After seconds the vendor asked for', async () => {
    const server = await serve(() => ({ status: 200, body: { ok: true } }));
    server.failNext({ status: 429, retryAfter: '7' });
    const { http, waits } = client(server.url);
    const result = await http.get('/things', { query: { page: 2 } });
    expect(result.json).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.query.get('page')).toBe('2');
    expect(waits).toEqual([7000]);
  });

  it('honours a Retry-After given as an HTTP date', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('backs off exponentially on 5xx and gives up after maxAttempts with the vendor body', async () => {
    const server = await serve(() => ({ status: 503, body: { message: 'maintenance' } }));
    const { http, waits } = client(server.url);
    const error = await http.get('/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VendorHttpError);
    expect((error as VendorHttpError).status).toBe(503);
    expect((error as VendorHttpError).attempts).toBe(4);
    expect((error as VendorHttpError).message).toContain('maintenance');
    expect(server.requests).toHaveLength(4);
    // random() = 0.5 → 3/4 of 100, 200, 400 ms.
    expect(waits).toEqual([75, 150, 300]);
  });

  it('retries network errors, then succeeds', async () => {
    const server = await serve(() => ({ status: 200, body: [1] }));
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls++;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    };
    const { http, waits } = client(server.url, { fetch: flaky });
    expect((await http.get('/y')).json).toEqual([1]);
    expect(waits).toHaveLength(1);
  });

  it('does not retry a 400 and reports it at once', async () => {
    const server = await serve(() => ({ status: 400, body: { message: 'dateFrom is required' } }));
    const { http } = client(server.url);
    await expect(http.get('/z')).rejects.toThrow(/HTTP 400: .*dateFrom is required/);
    expect(server.requests).toHaveLength(1);
  });

  it('sends basic auth', async () => {
    const server = await serve((r) => ({
      status:
        r.headers.authorization === `Basic ${Buffer.from('AC1:tok').toString('base64')}`
          ? 200
          : 401,
      body: {},
    }));
    const { http } = client(server.url, { auth: basicAuth('AC1', 'tok') });
    await expect(http.get('/a')).resolves.toMatchObject({ status: 200 });
  });

  it('caches the client-credentials token and fetches a new one once after a 401', async () => {
    const issuer = new FakeTokenIssuer('id', 'secret');
    const server = await serve((r) =>
      r.path === '/token'
        ? issuer.token(r)
        : issuer.authorized(r)
          ? { status: 200, body: { n: 1 } }
          : { status: 401, body: { message: 'expired' } },
    );
    const auth = clientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId: 'id',
      clientSecret: 'secret',
      scope: 'x',
    });
    const { http } = client(server.url, { auth });
    await http.get('/a');
    await http.get('/a');
    expect(issuer.issued).toBe(1);
    issuer.revokeAll();
    await http.get('/a');
    expect(issuer.issued).toBe(2);
  });

  it('explains refused client credentials without retrying', async () => {
    const issuer = new FakeTokenIssuer('id', 'secret');
    const server = await serve((r) => issuer.token(r));
    const auth = clientCredentials({
      tokenUrl: `${server.url}/token`,
      clientId: 'id',
      clientSecret: 'wrong',
    });
    const { http } = client(server.url, { auth });
    const error = (await http.get('/a').catch((e: unknown) => e)) as VendorHttpError;
    expect(error.isAuthFailure).toBe(true);
    expect(error.message).toContain('invalid_client');
    expect(server.requests).toHaveLength(1);
  });

  it('joins host-relative next-page links without doubling the base path', () => {
    const { http } = client('http://h.example/2010-04-01');
    expect(http.url('/2010-04-01/Accounts/A/Calls.json?Page=1')).toBe(
      'http://h.example/2010-04-01/Accounts/A/Calls.json?Page=1',
    );
    expect(http.url('Accounts/A/Calls.json', { PageSize: 2 })).toBe(
      'http://h.example/2010-04-01/Accounts/A/Calls.json?PageSize=2',
    );
  });
});
