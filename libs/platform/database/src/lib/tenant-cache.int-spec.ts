import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TenantCache } from './tenant-cache';
import { TENANT_CHANGE_CHANNEL, TenantChanges } from './tenant-changes';

/** A load that resolves when the test says so, counting how often it ran. */
function gate<V>(value: V) {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const load = { runs: 0, fn: async () => (load.runs++, await opened, value), open };
  return load;
}

describe('TenantCache over a live LISTEN connection', () => {
  const url = (inject('candorDb' as never) as { appUrl: string }).appUrl;
  let changes: TenantChanges;
  let notify: Client;

  beforeAll(async () => {
    changes = new TenantChanges(url);
    await changes.start();
    notify = new Client({ connectionString: url });
    await notify.connect();
  });

  afterAll(async () => {
    await notify.end();
    await changes.stop();
  });

  it('concurrent misses of one key share one load, and the value is then served from memory', async () => {
    const cache = new TenantCache<string>(changes, 60_000);
    const tenant = randomUUID();
    const load = gate('grant');
    const waiting = Array.from({ length: 50 }, () => cache.get(tenant, 'u-1', load.fn));
    load.open();
    expect(await Promise.all(waiting)).toEqual(Array(50).fill('grant'));
    expect(load.runs).toBe(1);
    expect(await cache.get(tenant, 'u-1', () => Promise.resolve('reloaded'))).toBe('grant');
  });

  it('a change heard while a load is under way: later callers load again, nothing stale is kept', async () => {
    const cache = new TenantCache<string>(changes, 60_000);
    const tenant = randomUUID();
    const stale = gate('before');
    const first = cache.get(tenant, 'k', stale.fn);
    const heard = changes.nextChange(tenant);
    await notify.query('SELECT pg_notify($1, $2)', [TENANT_CHANGE_CHANNEL, tenant]);
    await heard;
    const fresh = gate('after');
    const second = cache.get(tenant, 'k', fresh.fn);
    stale.open();
    fresh.open();
    expect(await first).toBe('before');
    expect(await second).toBe('after');
    expect(fresh.runs).toBe(1);
    expect(await cache.get(tenant, 'k', () => Promise.resolve('third'))).toBe('after');
  });

  it('keys of one consultancy never answer another', async () => {
    const cache = new TenantCache<string>(changes, 60_000);
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await cache.get(a, 'k', () => Promise.resolve('A'))).toBe('A');
    expect(await cache.get(b, 'k', () => Promise.resolve('B'))).toBe('B');
    expect(await cache.get(a, 'k', () => Promise.resolve('x'))).toBe('A');
  });
});
