import type { TenantChanges } from './tenant-changes';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * Values read from a consultancy's rows (grants from its memberships, scorecard views from its
 * reports), kept in memory per consultancy and dropped when those rows change (NOTIFY from
 * the triggers of migration 1763900001000, heard by TenantChanges), with a short TTL as a
 * backstop. Keys are always scoped by consultancy id, so one tenant's entry never answers
 * another's. While the LISTEN connection is down nothing is served from memory.
 */
export class TenantCache<V> {
  private readonly byTenant = new Map<string, Map<string, Entry<V>>>();
  /** Loads under way, so concurrent misses of one key wait for one load instead of each running it. */
  private readonly loading = new Map<
    string,
    Map<string, { generation: number; value: Promise<V> }>
  >();

  constructor(
    private readonly changes: TenantChanges,
    private readonly ttlMs: number,
    /** Which loaded values may be kept (e.g. not a refusal, so a new grant works at once). */
    private readonly keep: (value: V) => boolean = () => true,
    private readonly maxPerTenant = 10_000,
  ) {
    changes.onChange((consultancyId) => {
      if (consultancyId === null) {
        this.byTenant.clear();
        this.loading.clear();
      } else {
        this.byTenant.delete(consultancyId);
        this.loading.delete(consultancyId);
      }
    });
  }

  /**
   * The cached value of (consultancy, key), or `load()`'s (kept unless a change raced it). Calls
   * that miss while a load of the same key is under way, with no change since it started, share
   * that load: when an entry expires under load, one request reads the database, not fifty.
   */
  async get(consultancyId: string, key: string, load: () => Promise<V>): Promise<V> {
    if (!this.changes.live) return load();
    const hit = this.byTenant.get(consultancyId)?.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const generation = this.changes.generation;
    const pending = this.loading.get(consultancyId)?.get(key);
    if (pending && pending.generation === generation) return pending.value;
    const value = this.fill(consultancyId, key, load, generation);
    let loads = this.loading.get(consultancyId);
    if (!loads) this.loading.set(consultancyId, (loads = new Map()));
    loads.set(key, { generation, value });
    try {
      return await value;
    } finally {
      const current = this.loading.get(consultancyId);
      if (current?.get(key)?.value === value) current.delete(key);
    }
  }

  private async fill(
    consultancyId: string,
    key: string,
    load: () => Promise<V>,
    generation: number,
  ): Promise<V> {
    const value = await load();
    if (this.changes.live && this.changes.generation === generation && this.keep(value)) {
      let entries = this.byTenant.get(consultancyId);
      if (!entries) this.byTenant.set(consultancyId, (entries = new Map()));
      if (entries.size >= this.maxPerTenant) entries.clear();
      entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    }
    return value;
  }
}
