import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, expectEveryLineCountedOnce, GOOD, noteLine } from './bundle.fixture';

/** Lines `bytes` holds: every \n ends one, and a non-empty tail is one more. */
function lineCount(bytes: Buffer): number {
  let count = 0;
  for (const b of bytes) if (b === 0x0a) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a ? count + 1 : count;
}

/** The bundle delivered in chunks cut at the given points, as a stream would deliver it. */
function chunked(bytes: Buffer, cuts: number[]): Readable {
  const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
  return Readable.from(
    [0, ...points].map((from, i) => bytes.subarray(from, points[i] ?? bytes.length)),
  );
}

const cuts = fc.array(fc.nat({ max: 4_000 }), { maxLength: 8 });
const validLine = fc.oneof(
  fc.constantFrom(...Object.values(GOOD)),
  fc
    .string({ maxLength: 30 })
    .map((text) => noteLine(`N-${text.length}`, text.trim() ? text : 'x')),
);

type Mutation = { at: number; remove: number; insert: string };
const mutation = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 5 }),
  insert: fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.constantFrom('\n', '\r\n', '"', '{', '\\', '\ufeff', ',"x":1'),
  ),
});

function mutate(line: string, mutations: Mutation[]): string {
  let out = line;
  for (const { at, remove, insert } of mutations) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + insert + out.slice(i + remove);
  }
  return out;
}

async function expectSound(bytes: Buffer, cutPoints: number[] = []): Promise<void> {
  const { records, summary } = await collect(chunked(bytes, cutPoints));
  expectEveryLineCountedOnce(summary, records);
  if (!summary.gzip) expect(summary.lines).toBe(lineCount(bytes));
  const again = await collect(Readable.from([bytes]));
  expect(again.summary).toEqual(summary);
}

describe('readBundle on arbitrary input', () => {
  it('never throws on random bytes, and counts every line exactly once', async () => {
    const bytes = fc
      .array(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.constantFrom(Buffer.from('\n'), Buffer.from('\r\n')),
        ),
        { maxLength: 30 },
      )
      .map((parts) => Buffer.concat(parts));
    await fc.assert(fc.asyncProperty(bytes, cuts, expectSound), { numRuns: 200 });
  });

  it('never throws on random JSON values, one per line', async () => {
    const values = fc.array(fc.jsonValue(), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(values, cuts, async (vs, c) => {
        const bytes = Buffer.from(vs.map((v) => JSON.stringify(v)).join('\n'));
        await expectSound(bytes, c);
        const { summary } = await collect(Readable.from([bytes]));
        expect(summary.lines).toBe(vs.length);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random mutations of valid lines', async () => {
    const bundle = fc.array(
      fc
        .tuple(validLine, fc.array(mutation, { maxLength: 3 }))
        .map(([line, ms]) => mutate(line, ms)),
      { maxLength: 30 },
    );
    await fc.assert(
      fc.asyncProperty(bundle, cuts, (lines, c) => expectSound(Buffer.from(lines.join('\n')), c)),
      { numRuns: 300 },
    );
  });

  it('accepts every valid line of a bundle in order, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(validLine, { maxLength: 40 }), cuts, async (lines, c) => {
        const { records, summary } = await collect(chunked(Buffer.from(lines.join('\n')), c));
        expect(summary.rejected).toEqual([]);
        expect(summary.accepted + summary.duplicateCount).toBe(lines.length);
        expect(records.map((r) => r.line)).toEqual(
          [...records.map((r) => r.line)].sort((a, b) => a - b),
        );
      }),
      { numRuns: 100 },
    );
  });
});
