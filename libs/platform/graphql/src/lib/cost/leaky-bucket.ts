export interface BucketSettings {
  /** Points a bucket holds when full: the largest burst a consultancy can spend at once. */
  capacity: number;
  /** Points restored per second. */
  restorePerSecond: number;
}

export interface BucketState {
  /** Whether the charge was taken. */
  allowed: boolean;
  /** Points left after this charge (or, when refused, points available now). */
  available: number;
  capacity: number;
  restorePerSecond: number;
  /** Seconds until the refused charge would fit; 0 when allowed. */
  retryAfterSeconds: number;
  /** Seconds until the bucket is full again. */
  secondsToFull: number;
}

interface Level {
  available: number;
  at: number;
}

/** Buckets kept before full ones are swept out (a full bucket is the same as no bucket). */
const SWEEP_ABOVE = 10_000;

/**
 * A leaky bucket of query-cost points per key (a consultancy), as the large public GraphQL APIs
 * meter calculated cost. Kept in process memory: each API replica meters its own share, which
 * bounds a tenant's rate per replica; the clock is injectable for tests.
 */
export class LeakyBucketLimiter {
  private readonly levels = new Map<string, Level>();

  constructor(
    readonly settings: BucketSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` points from the key's bucket if it holds them; never partially. */
  charge(key: string, cost: number): BucketState {
    const { capacity, restorePerSecond } = this.settings;
    const t = this.now();
    const level = this.levels.get(key);
    const restored = level
      ? Math.min(capacity, level.available + ((t - level.at) / 1000) * restorePerSecond)
      : capacity;
    const allowed = cost <= restored;
    const available = allowed ? restored - cost : restored;
    if (allowed) {
      if (this.levels.size > SWEEP_ABOVE) this.sweep(t);
      this.levels.set(key, { available, at: t });
    }
    return {
      allowed,
      available: Math.floor(available),
      capacity,
      restorePerSecond,
      retryAfterSeconds: allowed ? 0 : Math.ceil((cost - restored) / restorePerSecond),
      secondsToFull: Math.ceil((capacity - available) / restorePerSecond),
    };
  }

  private sweep(t: number): void {
    const { capacity, restorePerSecond } = this.settings;
    for (const [key, level] of this.levels) {
      if (level.available + ((t - level.at) / 1000) * restorePerSecond >= capacity) {
        this.levels.delete(key);
      }
    }
  }
}
