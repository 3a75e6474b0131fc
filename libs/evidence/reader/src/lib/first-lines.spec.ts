import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstLines, idHash } from './first-lines';

/** The reference: a Map from id to the line it was first seen on. */
function reference(ids: readonly string[]): number[] {
  const first = new Map<string, number>();
  return ids.map((id, i) => {
    const known = first.get(id);
    if (known !== undefined) return known;
    first.set(id, i + 1);
    return 0;
  });
}

describe('FirstLines', () => {
  it('answers the first line of every repeated id and 0 for new ones, like a Map', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 3000 }),
        (ids) => {
          const lines = new FirstLines();
          expect(ids.map((id, i) => lines.firstLineOrAdd(id, i + 1))).toEqual(reference(ids));
          expect(lines.size).toBe(new Set(ids).size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps every id through many growths of its table', () => {
    const lines = new FirstLines();
    const ids = Array.from({ length: 50_000 }, (_, i) => `L${i}-${i % 7}`);
    ids.forEach((id, i) => expect(lines.firstLineOrAdd(id, i + 1)).toBe(0));
    ids.forEach((id, i) => expect(lines.firstLineOrAdd(id, 99_999)).toBe(i + 1));
    expect(lines.size).toBe(ids.length);
  });

  it('never takes two different ids with the same hash for one', () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const id = `id-${i}`;
      const other = byHash.get(idHash(id));
      if (other !== undefined) pair = [other, id];
      else byHash.set(idHash(id), id);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    expect(idHash(a)).toBe(idHash(b));
    const lines = new FirstLines();
    expect(lines.firstLineOrAdd(a, 1)).toBe(0);
    expect(lines.firstLineOrAdd(b, 2)).toBe(0);
    expect(lines.firstLineOrAdd(b, 3)).toBe(2);
    expect(lines.firstLineOrAdd(a, 4)).toBe(1);
  });

  it('tells ids apart that differ only in length or in a non-ASCII code unit', () => {
    const lines = new FirstLines();
    for (const [i, id] of ['', 'a', 'aa', 'é', 'e\u0301', '\ud83d\ude00', '\ud83d'].entries()) {
      expect(lines.firstLineOrAdd(id, i + 1)).toBe(0);
    }
    expect(lines.firstLineOrAdd('\ud83d', 9)).toBe(7);
    expect(lines.firstLineOrAdd('', 9)).toBe(1);
  });
});
