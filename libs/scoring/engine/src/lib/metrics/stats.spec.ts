import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats';

describe('median and percentile (§1)', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('lands on +∞ when the middle is a never-answered lead', () => {
    expect(median([1, Infinity, Infinity])).toBe(Infinity);
    expect(median([1, 2, Infinity, Infinity])).toBe(Infinity);
    expect(median([1, 2, 3, Infinity])).toBe(2.5);
  });

  it('uses the nearest rank ⌈p/100 · n⌉', () => {
    const ten = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(ten, 90)).toBe(90);
    expect(percentile([...ten, 110], 90)).toBe(100); // ⌈9.9⌉ = 10th
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([5, Infinity], 90)).toBe(Infinity);
  });
});
