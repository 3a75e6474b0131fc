import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Prng, hashParts } from './prng';

const draw = (rng: Prng, n: number): number[] => Array.from({ length: n }, () => rng.next());

describe('Prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(draw(Prng.of(42, 1), 50)).toEqual(draw(Prng.of(42, 1), 50));
    expect(draw(Prng.of(42, 1), 50)).not.toEqual(draw(Prng.of(42, 2), 50));
    expect(draw(Prng.of(1), 5)).not.toEqual(draw(Prng.of(2 ** 32 + 1), 5));
    expect(draw(Prng.of(0), 5)).not.toEqual(draw(Prng.of(-1), 5));
  });

  it('keeps every draw inside its range', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -50, max: 50 }),
        fc.nat(100),
        (seed, lo, span) => {
          const rng = Prng.of(seed);
          for (let i = 0; i < 20; i++) {
            const u = rng.next();
            expect(u >= 0 && u < 1).toBe(true);
            const n = rng.int(lo, lo + span);
            expect(Number.isInteger(n) && n >= lo && n <= lo + span).toBe(true);
            expect(rng.poisson(span / 2)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('spreads draws evenly and honours weights', () => {
    const rng = Prng.of(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const b = Math.floor(rng.next() * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const n of buckets) expect(Math.abs(n - 5_000)).toBeLessThan(300);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++) {
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ]) === 'a'
      ) {
        heavy++;
      }
    }
    expect(heavy / 10_000).toBeCloseTo(0.9, 1);
  });

  it('mixes seed parts into different 32-bit seeds', () => {
    const seeds = new Set<number>();
    for (let a = 0; a < 100; a++) for (let b = 0; b < 100; b++) seeds.add(hashParts([a, b]));
    expect(seeds.size).toBe(10_000);
  });
});
