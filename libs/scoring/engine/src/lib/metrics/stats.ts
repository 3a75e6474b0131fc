/**
 * Median (§1): the middle value, or the mean of the two middle values. Values may be Infinity
 * (a lead never answered); a median that lands on Infinity is Infinity, and becomes `null`
 * with a finding at report level. Empty input: null.
 */
export function median(values: readonly number[]): number | null {
  return medianOfSorted(sortedValues(values));
}

/** Values sorted ascending in a typed array (a numeric sort, much cheaper than a comparator). */
export function sortedValues(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

export function medianOfSorted(sorted: Float64Array): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (§1): rank ⌈p/100 · n⌉, 1-based, ascending. Empty input: null. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(sortedValues(values), p);
}

export function percentileOfSorted(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** A share in [0, 1], or null when there is nothing to share. */
export function rate(hits: number, n: number): number | null {
  return n === 0 ? null : hits / n;
}

export function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let n = 0;
  for (const item of items) if (predicate(item)) n++;
  return n;
}
