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

  constructor(
    private readonly changes: TenantChanges,
    private readonly ttlMs: number,
    /** Which loaded values may be kept (e.g. not a refusal, so a new grant works at once). */
    private readonly keep: (value: V) => boolean = () => true,
    private readonly maxPerTenant = 10_000,
  ) {
    changes.onChange((consultancyId) => {
      if (consultancyId === null) this.byTenant.clear();
      else this.byTenant.delete(consultancyId);
    });
  }

  /** The cached value of (consultancy, key), or `load()`'s (kept unless a change raced it). */
  async get(consultancyId: string, key: string, load: () => Promise<V>): Promise<V> {
    if (!this.changes.live) return load();
    const now = Date.now();
    const hit = this.byTenant.get(consultancyId)?.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const generation = this.changes.generation;
    const value = await load();
    if (this.changes.live && this.changes.generation === generation && this.keep(value)) {
      let entries = this.byTenant.get(consultancyId);
      if (!entries) this.byTenant.set(consultancyId, (entries = new Map()));
      if (entries.size >= this.maxPerTenant) entries.clear();
      entries.set(key, { value, expiresAt: now + this.ttlMs });
    }
    return value;
  }
}
