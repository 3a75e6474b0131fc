import { PassThrough, Readable } from 'node:stream';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle, readBundleByStore } from './bundle-reader';
import { collect, expectEveryLineCountedOnce, GOOD, noteLine, tempDir } from './bundle.fixture';

const temp = tempDir();
afterAll(() => temp.remove());

const BOM = '\ufeff';
const duplicateLead = GOOD.lead.replace('Is it available?', 'second copy');
/** One line of each kind the reader must tell apart; line numbers in the comments. */
const BUNDLE = [
  BOM + GOOD.store, // 1 (BOM)
  GOOD.user + '\r', // 2 (CRLF)
  '', // 3 blank
  GOOD.lead, // 4
  '{"type":"task","id":"T-1",', // 5 bad JSON
  '{"type":"task","id":"T-1","storeId":"smith-toyota","leadId":"L-4411","taskType":"call"}', // 6 no dueAt
  '{"type":"status","id":"S-9","storeId":"smith-toyota","leadId":"L-4411","at":"2026-03-05T19:20:00-06:00","status":"Sold"}', // 7
  '{"type":"note","id":"N-1","storeId":"smith-toyota","leadId":"L-4411","at":"2026-03-03T11:00:00","text":"x"}', // 8
  '{"type":"appointment","id":"A-2","storeId":"smith-toyota","leadId":"L-4411","setAt":"2026-03-03T11:05:00-06:00","startsAt":"2026-02-30T17:30:00-06:00"}', // 9
  duplicateLead, // 10 duplicate of 4
  '   \t', // 11 blank
  GOOD.activity + '\r', // 12 (CRLF)
  GOOD.sale, // 13, no final newline
].join('\n');

const EXPECTED_REJECTED = [
  {
    line: 5,
    field: '(line)',
    reason: 'is not valid JSON: Expected double-quoted property name in JSON at position 26',
  },
  { line: 6, field: 'dueAt', reason: 'is required' },
  { line: 7, field: 'status', reason: '"Sold" is not one of active, lost, bad, inactive, sold' },
  { line: 8, field: 'at', reason: '"2026-03-03T11:00:00" has no UTC offset; add Z or ±HH:MM' },
  {
    line: 9,
    field: 'startsAt',
    reason: '"2026-02-30T17:30:00-06:00" is not a real date: February 2026 has 28 days',
  },
];

function expectBundleResult(result: Awaited<ReturnType<typeof collect>>, gzip: boolean): void {
  const { records, summary } = result;
  expect(records.map((r) => `${r.line}:${r.type}:${r.id}`)).toEqual([
    '1:store:smith-toyota',
    '2:user:u-17',
    '4:lead:L-4411',
    '12:activity:C-88',
    '13:sale:D-77',
  ]);
  expect(records[2]).toMatchObject({ comments: 'Is it available?' });
  expect(summary).toEqual({
    lines: 13,
    accepted: 5,
    rejected: EXPECTED_REJECTED,
    rejectedCount: 5,
    rejectedLines: 5,
    duplicates: [{ line: 10, firstLine: 4, type: 'lead', storeId: 'smith-toyota', id: 'L-4411' }],
    duplicateCount: 1,
    blank: 2,
    bytes: expect.any(Number),
    gzip,
  });
  expectEveryLineCountedOnce(summary, records);
}

describe('readBundle', () => {
  it('reads a bundle file: good lines kept, each bad line reported with line, field and reason', async () => {
    const file = temp.write('bundle.jsonl', BUNDLE);
    const result = await collect(file);
    expectBundleResult(result, false);
    expect(result.summary.bytes).toBe(Buffer.byteLength(BUNDLE));
  });

  it('gives identical results for the same bundle gzipped, whatever the file is called', async () => {
    const gz = gzipSync(BUNDLE);
    expectBundleResult(await collect(temp.write('bundle.jsonl.gz', gz)), true);
    const misnamed = await collect(temp.write('bundle-gz.jsonl', gz));
    expectBundleResult(misnamed, true);
    expect(misnamed.summary.bytes).toBe(gz.length);
  });

  it('reads a stdin-like stream in awkward chunks, split inside lines and characters', async () => {
    const bytes = Buffer.from(BUNDLE.replace('Pat Example', 'Päť Exämple'));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.subarray(i * 7, i * 7 + 7),
    );
    const result = await collect(Readable.from(chunks));
    expectBundleResult(result, false);
    expect(result.records[2]).toMatchObject({ customer: { name: 'Päť Exämple' } });

    const stdin = new PassThrough();
    const reading = collect(stdin);
    for (const chunk of [gzipSync(BUNDLE).subarray(0, 1), gzipSync(BUNDLE).subarray(1)]) {
      stdin.write(chunk);
      await new Promise((resolve) => setImmediate(resolve));
    }
    stdin.end();
    expectBundleResult(await reading, true);
    expectBundleResult(await collect(Readable.from([BUNDLE])), false);
  });

  it('keeps the good lines before the cut of a truncated gzip and reports the damage', async () => {
    const lines = Array.from({ length: 2_000 }, (_, i) => noteLine(`N-${i}`, `call ${i * 7919}`));
    const gz = gzipSync(lines.join('\n') + '\n');
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    // Everything zlib can decode from the cut bytes, to compare with what the reader kept.
    const decodable = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    const completeLines = decodable.split('\n').length - 1;
    expect(completeLines).toBeGreaterThan(1_000);

    const { records, summary } = await collect(temp.write('cut.jsonl.gz', cut));
    expect(records.map((r) => r.id)).toEqual(lines.slice(0, completeLines).map((_, i) => `N-${i}`));
    const last = summary.rejected.at(-1);
    expect(last).toEqual({
      line: summary.lines + 1,
      field: '(file)',
      reason: 'gzip stream is truncated or corrupt: unexpected end of file',
    });
    expectEveryLineCountedOnce(summary, records);
  });

  it('reports a corrupt gzip stream without throwing', async () => {
    const gz = Buffer.from(
      gzipSync(Array.from({ length: 500 }, (_, i) => noteLine(`N-${i}`)).join('\n')),
    );
    gz.fill(0x55, 40, 60);
    const { records, summary } = await collect(Readable.from([gz]));
    expect(summary.rejected.at(-1)).toMatchObject({
      field: '(file)',
      reason: expect.stringMatching(/^gzip stream is truncated or corrupt: /),
    });
    expectEveryLineCountedOnce(summary, records);
  });

  it('rejects a 2 MiB line without holding it and still reads the next line', async () => {
    const huge = noteLine('N-huge', 'x'.repeat(2 * 1024 * 1024));
    const file = temp.write('huge.jsonl', `${huge}\r\n${GOOD.note}\n`);
    const { records, summary } = await collect(file);
    expect(summary.rejected).toEqual([
      {
        line: 1,
        field: '(line)',
        reason: `is ${Buffer.byteLength(huge)} bytes long; the limit is 1048576 bytes (skipped)`,
      },
    ]);
    expect(records.map((r) => [r.line, r.id])).toEqual([[2, 'N-5']]);
    const small = await collect(file, { maxLineBytes: 100 });
    expect(small.summary.rejectedLines).toBe(2);
  });

  it('rejects a line that is not valid UTF-8', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"type":"note","text":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}\n'),
    ]);
    const { summary } = await collect(Readable.from([bad, Buffer.from(GOOD.note)]));
    expect(summary.rejected).toEqual([{ line: 1, field: '(line)', reason: 'is not valid UTF-8' }]);
    expect(summary.accepted).toBe(1);
  });

  it('reports each problem of a record as its own rejected entry', async () => {
    const { summary } = await collect(Readable.from(['{"type":"sale","id":"","soldAt":"soon"}\n']));
    expect(summary.rejected.map((r) => [r.line, r.field])).toEqual([
      [1, 'id'],
      [1, 'storeId'],
      [1, 'leadId'],
      [1, 'soldAt'],
    ]);
    expect(summary).toMatchObject({ rejectedLines: 1, rejectedCount: 4 });
  });

  it('caps the reported lists but keeps the counts exact', async () => {
    const bundle = ['{', '[]', GOOD.note, GOOD.note, GOOD.note, 'x'].join('\n');
    const { summary } = await collect(Readable.from([bundle]), {
      maxRejectedReported: 2,
      maxDuplicatesReported: 1,
    });
    expect(summary).toMatchObject({ rejectedCount: 3, rejectedLines: 3, duplicateCount: 2 });
    expect(summary.rejected.map((r) => r.line)).toEqual([1, 2]);
    expect(summary.duplicates.map((d) => d.line)).toEqual([4]);
  });

  it('reports progress with lines and bytes read', async () => {
    const progress: { lines: number; bytes: number }[] = [];
    const file = temp.write('progress.jsonl', BUNDLE);
    await readBundle(file, { onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ lines: 13, bytes: Buffer.byteLength(BUNDLE) });
  });

  it('reads an empty input as an empty bundle', async () => {
    const { summary } = await collect(temp.write('empty.jsonl', ''));
    expect(summary).toMatchObject({ lines: 0, accepted: 0, rejected: [], bytes: 0 });
  });

  it('throws a clear error for a path that cannot be read, and only then', async () => {
    const missing = temp.path('missing.jsonl');
    await expect(readBundle(missing)).rejects.toThrow(
      `cannot read bundle ${missing}: no such file`,
    );
    await expect(readBundle(temp.path(''))).rejects.toThrow(
      /^cannot read bundle .*: is a directory$/,
    );
  });

  it('throws when the input stream itself fails, after delivering what came before', async () => {
    const seen: string[] = [];
    // Data is pushed by the test, so read() has nothing to do.
    const failing = new Readable({ read: () => undefined });
    failing.push(`${GOOD.note}\n`);
    setImmediate(() => failing.destroy(new Error('connection reset')));
    await expect(readBundle(failing, { onRecord: (r) => seen.push(r.id) })).rejects.toThrow(
      'cannot read bundle from stream: connection reset',
    );
    expect(seen).toEqual(['N-5']);
    await expect(readBundle(Readable.from([{ not: 'bytes' }]))).rejects.toThrow(/yields objects/);
  });

  it('passes on an error thrown by onRecord instead of swallowing it', async () => {
    const failing = () => {
      throw new Error('consumer failed');
    };
    await expect(readBundle(Readable.from([GOOD.note]), { onRecord: failing })).rejects.toThrow(
      'consumer failed',
    );
    const gz = gzipSync(GOOD.note);
    await expect(readBundle(Readable.from([gz]), { onRecord: failing })).rejects.toThrow(
      'consumer failed',
    );
  });
});

describe('readBundleByStore', () => {
  it('groups the accepted records by store', async () => {
    const bundle = [
      GOOD.store,
      GOOD.lead,
      GOOD.note,
      noteLine('N-9').replace('smith-toyota', 'other'),
    ].join('\n');
    const { stores, summary } = await readBundleByStore(Readable.from([bundle]));
    expect(summary.accepted).toBe(4);
    expect([...stores.keys()]).toEqual(['smith-toyota', 'other']);
    expect(stores.get('smith-toyota')).toMatchObject({
      store: { name: 'Smith Toyota' },
      leads: [{ id: 'L-4411' }],
      notes: [{ id: 'N-5' }],
    });
    expect(stores.get('other')).toMatchObject({ store: null, notes: [{ id: 'N-9' }] });
  });
});
