import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter';

type Piece = { line: string } | { oversized: number };

function split(chunks: Buffer[], maxLineBytes = 1024): Piece[] {
  const pieces: Piece[] = [];
  const splitter = new LineSplitter(
    {
      line: (bytes, start, end) => pieces.push({ line: bytes.toString('latin1', start, end) }),
      oversized: (length) => pieces.push({ oversized: length }),
    },
    maxLineBytes,
  );
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return pieces;
}

describe('LineSplitter', () => {
  it('splits on \\n, drops a \\r before it, and keeps a last line without \\n', () => {
    expect(split([Buffer.from('a\r\n\nb\r\r\nc')])).toEqual([
      { line: 'a' },
      { line: '' },
      { line: 'b\r' },
      { line: 'c' },
    ]);
    expect(split([Buffer.from('a\n')])).toEqual([{ line: 'a' }]);
    expect(split([])).toEqual([]);
  });

  it('gives the same lines however the input is chunked', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é'), maxLength: 200 });
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat({ max: 200 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 12 }),
        (t, cuts, max) => {
          const bytes = Buffer.from(t, 'latin1');
          const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...points].map((from, i) =>
            bytes.subarray(from, points[i] ?? bytes.length),
          );
          expect(split(chunks, max)).toEqual(split([bytes], max));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('reports a line longer than the limit with its length, whether it ends in \\r\\n or not', () => {
    expect(split([Buffer.from('12345\r\n1234\n123456')], 4)).toEqual([
      { oversized: 5 },
      { line: '1234' },
      { oversized: 6 },
    ]);
    expect(split([Buffer.from('1234\r'), Buffer.from('\n')], 4)).toEqual([{ line: '1234' }]);
    expect(split([Buffer.from('12'), Buffer.from('345\r'), Buffer.from('\n')], 4)).toEqual([
      { oversized: 5 },
    ]);
    expect(split([Buffer.from('12'), Buffer.from('3456789\r'), Buffer.from('\n')], 4)).toEqual([
      { oversized: 9 },
    ]);
  });

  it('streams past an oversized line without holding it in memory', () => {
    const mib = Buffer.alloc(1024 * 1024, 0x61);
    const seen: Piece[] = [];
    const splitter = new LineSplitter(
      {
        line: (b, s, e) => seen.push({ line: b.toString('latin1', s, e) }),
        oversized: (n) => seen.push({ oversized: n }),
      },
      1024 * 1024,
    );
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < 64; i++) splitter.push(mib);
    const held = process.memoryUsage().arrayBuffers - before;
    splitter.push(Buffer.from('\nok\n'));
    splitter.end();
    expect(held).toBeLessThan(8 * 1024 * 1024);
    expect(seen).toEqual([{ oversized: 64 * 1024 * 1024 }, { line: 'ok' }]);
  });
});
