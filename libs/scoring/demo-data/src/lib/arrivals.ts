import { Prng } from './prng';
import type { StoreClock } from './store-clock';

/**
 * Relative lead volume by local hour. Shoppers submit forms in a late-morning wave and a bigger
 * evening wave after work; nights are quiet but not empty. With typical hours (09:00–20:00
 * weekdays, Saturday to 18:00, Sunday closed) about a third of leads arrive after hours.
 */
const HOURLY_WEIGHTS: readonly number[] = [
  0.7, 0.4, 0.3, 0.2, 0.2, 0.4, 0.8, 1.5, 2.5, 4, 5.5, 6, 5.5, 5, 4, 4, 4, 4.5, 5, 5.5, 5, 3.5, 2.5,
  1.2,
];

/** Relative volume Monday … Sunday: busiest early in the week, quietest on Sunday. */
const WEEKDAY_WEIGHTS: readonly number[] = [1.15, 1.1, 1.05, 1.0, 0.95, 1.05, 0.7];

const WEEKDAY_MEAN = WEEKDAY_WEIGHTS.reduce((a, b) => a + b, 0) / WEEKDAY_WEIGHTS.length;
const CUMULATIVE_HOURS = cumulative(HOURLY_WEIGHTS);

/**
 * Lead arrival instants of one store in `[from, to)`, local day by local day, in time order.
 * Each day draws from its own stream, so a day's leads do not depend on how many came before.
 */
export function* arrivals(
  clock: StoreClock,
  from: number,
  to: number,
  leadsPerDay: number,
  streamParts: readonly number[],
): Generator<number> {
  const lastDay = clock.day(to - 1);
  for (let day = clock.day(from); day <= lastDay; day++) {
    const rng = Prng.of(...streamParts, day);
    const mean = (leadsPerDay * (WEEKDAY_WEIGHTS[clock.weekday(day)] ?? 1)) / WEEKDAY_MEAN;
    const count = rng.poisson(mean);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const hour = pickHour(rng.next());
      const minute = hour * 60 + rng.next() * 60;
      const ms = Math.round(clock.at(day, minute) / 1000) * 1000;
      // A repeated or skipped DST hour can move an instant onto the neighbouring day.
      if (ms >= from && ms < to && clock.day(ms) === day) times.push(ms);
    }
    times.sort((a, b) => a - b);
    yield* times;
  }
}

function pickHour(u: number): number {
  const total = CUMULATIVE_HOURS[CUMULATIVE_HOURS.length - 1] ?? 1;
  const target = u * total;
  for (let h = 0; h < CUMULATIVE_HOURS.length; h++) {
    if (target < (CUMULATIVE_HOURS[h] ?? 0)) return h;
  }
  return CUMULATIVE_HOURS.length - 1;
}

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
