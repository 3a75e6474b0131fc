import { EventEmitter } from 'node:events';
import { Client } from 'pg';

/**
 * The NOTIFY channel of migration 1763900001000; its payload is a consultancy id, or `*` when a
 * change could not name its consultancy (then everything cached is dropped).
 */
export const TENANT_CHANGE_CHANNEL = 'candor_tenant_change';

const RECONNECT_MS = 1_000;

/**
 * One LISTEN connection per process to the notifications the triggers of migration 1763900001000
 * send on commit (access rules, stored reports, policies).
 * `live` is false until LISTEN succeeded and again as soon as the connection fails, so caches
 * built on this serve nothing from memory while a change could go unheard. `generation` grows
 * with every notification and every (re)connection: a cache stores a value it loaded only if
 * the generation did not move meanwhile, so a load that raced a change is never kept.
 */
export class TenantChanges {
  private client: Client | null = null;
  private connected = false;
  private closed = false;
  private gen = 0;
  private readonly events = new EventEmitter();

  constructor(private readonly url: string) {
    this.events.setMaxListeners(0);
  }

  get live(): boolean {
    return this.connected;
  }

  get generation(): number {
    return this.gen;
  }

  /**
   * Calls `listener` with the consultancy id of every change, and with null when everything
   * must be dropped (a change without a consultancy, a lost or new connection).
   */
  onChange(listener: (consultancyId: string | null) => void): void {
    this.events.on('change', listener);
  }

  /** Resolves on the next change that drops this consultancy's entries (tests wait on it). */
  nextChange(consultancyId: string): Promise<void> {
    return new Promise((resolve) => {
      const hear = (id: string | null) => {
        if (id !== consultancyId && id !== null) return;
        this.events.off('change', hear);
        resolve();
      };
      this.events.on('change', hear);
    });
  }

  /**
   * Announces a change this process just committed, without waiting for its own notification:
   * the caller's next request must not be answered from the entry the change made stale.
   */
  changed(consultancyId: string): void {
    this.announce(consultancyId);
  }

  async start(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.url, application_name: 'candor-listen' });
    const fail = () => {
      if (this.client !== client) return;
      this.connected = false;
      this.client = null;
      this.announce(null);
      client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.start().catch(() => undefined), RECONNECT_MS);
    };
    client.on('error', fail);
    client.on('end', fail);
    client.on('notification', (n) => {
      if (n.channel !== TENANT_CHANGE_CHANNEL || !n.payload) return;
      this.announce(n.payload === '*' ? null : n.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${TENANT_CHANGE_CHANNEL}`);
    } catch (e) {
      fail();
      throw e;
    }
    if (this.client !== client) return;
    this.announce(null);
    this.connected = true;
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.connected = false;
    const client = this.client;
    this.client = null;
    this.announce(null);
    if (client) await client.end().catch(() => undefined);
  }

  private announce(consultancyId: string | null): void {
    this.gen += 1;
    this.events.emit('change', consultancyId);
  }
}
