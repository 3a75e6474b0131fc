/**
 * Measures the reader's throughput on a generated bundle shaped like real data (a lead with its
 * tasks, calls, e-mails, notes, appointments and sales; ~330 bytes per line):
 *   node -r ./tools/register.cjs libs/evidence/reader/src/scripts/reader-throughput.script.ts \
 *     [lines=200000] [runs=3] [gzip]
 * Not a test: timings depend on the machine, so nothing asserts them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStream, createWriteStream } from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { readBundle } from '../lib/bundle-reader';

const iso = (ms: number): string =>
  `${new Date(ms - 6 * 3_600_000).toISOString().slice(0, 19)}-06:00`;

function* bundleLines(count: number): Generator<object> {
  let emitted = 0;
  for (let lead = 0; emitted < count; lead++) {
    const storeId = `store-${lead % 20}`;
    const leadId = `L-${lead}`;
    const t = Date.UTC(2026, 0, 5, 15) + lead * 60_000;
    const lines: object[] = [
      {
        type: 'lead',
        id: leadId,
        storeId,
        receivedAt: iso(t),
        requestedAt: iso(t - 30_000),
        source: 'cars.com',
        assignedTo: 'u-1',
        customer: {
          name: 'Pat Example',
          emails: [`pat${lead}@example.org`],
          phones: ['+13125559876'],
        },
        vehicle: { year: 2024, make: 'Toyota', model: 'RAV4', status: 'new' },
        comments: 'Is it still available? I would like to come in Saturday.',
      },
      {
        type: 'task',
        id: `T-${lead}`,
        storeId,
        leadId,
        taskType: 'call',
        assignedTo: 'u-1',
        createdAt: iso(t),
        dueAt: iso(t + 900_000),
        completedAt: iso(t + 120_000),
        completedBy: 'u-1',
        comment: 'left vm',
      },
      ...[0, 1, 2, 3].map((a) => ({
        type: 'activity',
        id: `C-${lead}-${a}`,
        storeId,
        leadId,
        channel: a % 2 ? 'email' : 'call',
        direction: 'outbound',
        evidence: 'recorded',
        at: iso(t + a * 3_600_000),
        userId: 'u-1',
        from: '+13125550100',
        to: '+13125559876',
        durationSec: 42,
        answeredBy: 'machine',
        outcome: 'voicemail',
        transcript: 'Hi Pat, this is Dana at Smith Toyota, call me back at 312 555 0100',
        automated: false,
      })),
      {
        type: 'note',
        id: `N-${lead}`,
        storeId,
        leadId,
        at: iso(t + 86_400_000),
        userId: 'u-1',
        text: 'Prefers evening calls.',
      },
      {
        type: 'appointment',
        id: `A-${lead}`,
        storeId,
        leadId,
        setAt: iso(t + 7_200_000),
        setBy: 'u-1',
        startsAt: iso(t + 172_800_000),
      },
      {
        type: 'sale',
        id: `D-${lead}`,
        storeId,
        leadId,
        soldAt: iso(t + 200_000_000),
        userId: 'u-1',
      },
    ];
    for (const line of lines.slice(0, count - emitted)) yield line;
    emitted += Math.min(lines.length, count - emitted);
  }
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 200_000);
  const runs = Number(process.argv[3] ?? 3);
  const dir = await mkdtemp(join(tmpdir(), 'candor-throughput-'));
  const plain = join(dir, 'bundle.jsonl');
  const out = createWriteStream(plain);
  for (const line of bundleLines(count)) out.write(`${JSON.stringify(line)}\n`);
  out.end();
  await finished(out);
  const gzip = process.argv[4] === 'gzip';
  const file = gzip ? `${plain}.gz` : plain;
  if (gzip) await pipeline(createReadStream(plain), createGzip(), createWriteStream(file));
  try {
    for (let run = 1; run <= runs; run++) {
      const start = process.hrtime.bigint();
      const summary = await readBundle(file, { onRecord: () => undefined });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const rate = Math.round(summary.lines / seconds);
      const mb = (summary.bytes / 1e6 / seconds).toFixed(0);
      process.stdout.write(
        `run ${run}: ${summary.lines} lines (${summary.accepted} accepted) in ${seconds.toFixed(2)} s: ${rate} lines/s, ${mb} MB/s as stored\n`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
