/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32). Demo data must be
 * byte-identical for the same options on every machine, so nothing here may touch Math.random;
 * sfc32 is fast, passes PractRand for far longer than a store-year needs, and is pure 32-bit
 * integer arithmetic, so it gives the same sequence on every JavaScript engine.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A generator whose stream is fixed by `parts` (seed, store, lead, …): independent streams. */
  static of(...parts: number[]): Prng {
    return new Prng(hashParts(parts));
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(items.length * this.next())];
    if (item === undefined) throw new RangeError('pick() needs a non-empty list');
    return item;
  }

  /** One of `choices`, each `[value, weight]` with a non-negative weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (last === undefined) throw new RangeError('weighted() needs a non-empty list');
    return last[0];
  }

  /** An approximately normal value (Irwin–Hall of four uniforms): cheap and bounded. */
  normal(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + sd * (sum - 2) * Math.sqrt(3);
  }

  /** A Poisson-distributed count; the normal approximation above 30 keeps it O(1). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/**
 * Mixes numbers (any safe integers, including negative seeds and seeds above 2^32) into one
 * 32-bit seed. Both 32-bit halves of each part are mixed so seeds 1 and 2^32 + 1 differ.
 */
export function hashParts(parts: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const whole = Math.trunc(part);
    const low = whole >>> 0;
    const high = Math.floor(whole / 4294967296) >>> 0;
    // The added constant keeps a zero part from mapping zero to itself.
    h = mix(((h ^ low) + 0x9e3779b9) | 0);
    h = mix(((h ^ high) + 0x9e3779b9) | 0);
  }
  return h >>> 0;
}

function mix(x: number): number {
  let z = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
