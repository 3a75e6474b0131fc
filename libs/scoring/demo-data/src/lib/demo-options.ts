import { DAY } from './store-clock';

export interface DemoOptions {
  stores: number;
  days: number;
  seed: number;
  /** Epoch ms; the window ends here. Default 2026-11-02T00:00:00Z. */
  endAt?: number;
  /** Mean leads per store per day (default 12; the benchmark uses ~60). */
  leadsPerStorePerDay?: number;
}

export type ResolvedDemoOptions = Required<DemoOptions>;

export const DEFAULT_END_AT = Date.UTC(2026, 10, 2);
export const DEFAULT_LEADS_PER_STORE_PER_DAY = 12;

/** Options with defaults filled in; a RangeError names the first option that makes no sense. */
export function resolveOptions(options: DemoOptions): ResolvedDemoOptions {
  const resolved: ResolvedDemoOptions = {
    stores: options.stores,
    days: options.days,
    seed: options.seed,
    endAt: options.endAt ?? DEFAULT_END_AT,
    leadsPerStorePerDay: options.leadsPerStorePerDay ?? DEFAULT_LEADS_PER_STORE_PER_DAY,
  };
  requireThat(
    Number.isSafeInteger(resolved.stores) && resolved.stores >= 1,
    'stores',
    'a whole number ≥ 1',
    resolved.stores,
  );
  requireThat(
    Number.isSafeInteger(resolved.days) && resolved.days >= 1,
    'days',
    'a whole number ≥ 1',
    resolved.days,
  );
  requireThat(Number.isSafeInteger(resolved.seed), 'seed', 'a whole number', resolved.seed);
  requireThat(Number.isSafeInteger(resolved.endAt), 'endAt', 'epoch milliseconds', resolved.endAt);
  const perDay = resolved.leadsPerStorePerDay;
  requireThat(Number.isFinite(perDay) && perDay > 0, 'leadsPerStorePerDay', 'a number > 0', perDay);
  return resolved;
}

/** `[endAt − days, endAt)` */
export function demoWindow(options: ResolvedDemoOptions): { from: number; to: number } {
  return { from: options.endAt - options.days * DAY, to: options.endAt };
}

function requireThat(ok: boolean, option: string, expected: string, got: number): void {
  if (!ok) throw new RangeError(`demo data option "${option}" must be ${expected}, got ${got}`);
}
