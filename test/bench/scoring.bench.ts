import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { demoManifest, generateDemoEvidence, toBundleLine } from '@candor/scoring-demo-data';

/**
 * `npm run bench:scoring`: a store-year of demo evidence (≥ 20,000 leads, ≥ 500,000 records),
 * then, in separate processes, parse-only and parse + grade of the same file. Prints events/s,
 * peak memory and the ratio (parse + grade) / parse measured in this run. Targets: ratio ≤ 2.0,
 * peak memory < 1 GB. Figures are printed, never asserted.
 */
const ROOT = join(__dirname, '..', '..');
const ROUNDS = 5;

interface PhaseResult {
  phase: string;
  ms: number;
  records: number;
  peakRssMb: number;
}

function runPhase(phase: 'parse' | 'grade', file: string): PhaseResult {
  const out = execFileSync(
    process.execPath,
    ['-r', './tools/register.cjs', 'test/bench/scoring-phase.ts', phase, file],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as PhaseResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const best = (xs: number[]) => Math.min(...xs);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'candor-bench-'));
  const file = join(dir, 'store-year.jsonl');
  const options = { stores: 1, days: 365, seed: 2026, leadsPerStorePerDay: 60 };
  const manifest = demoManifest(options);
  const zone = manifest.stores[0]!.timeZone;
  let records = 0;
  let leads = 0;
  const started = Date.now();
  process.stdout.write('bench:scoring — generating a store-year of demo evidence…\n');
  await pipeline(
    Readable.from(
      (function* () {
        for (const r of generateDemoEvidence(options)) {
          records++;
          if (r.type === 'lead') leads++;
          yield `${toBundleLine(r, zone)}\n`;
        }
      })(),
    ),
    createWriteStream(file),
  );
  const mb = statSync(file).size / 1024 / 1024;
  process.stdout.write(
    `  ${leads.toLocaleString('en-US')} leads, ${records.toLocaleString('en-US')} records, ${mb.toFixed(0)} MB, generated in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );

  // Alternate the phases so drifting machine load affects both alike; report medians.
  const parse: PhaseResult[] = [];
  const graded: PhaseResult[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    parse.push(runPhase('parse', file));
    graded.push(runPhase('grade', file));
  }
  rmSync(dir, { recursive: true, force: true });

  // Best of N estimates the cost without the noise of a shared machine; the medians are shown too.
  const parseMs = best(parse.map((p) => p.ms));
  const gradeMs = best(graded.map((p) => p.ms));
  const parseMedian = median(parse.map((p) => p.ms));
  const gradeMedian = median(graded.map((p) => p.ms));
  const peak = Math.max(...graded.map((p) => p.peakRssMb));
  const ratio = gradeMs / parseMs;
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const perSecond = (ms: number) => Math.round(records / (ms / 1000)).toLocaleString('en-US');
  const rows: [string, string][] = [
    ['records (events)', records.toLocaleString('en-US')],
    ['leads', leads.toLocaleString('en-US')],
    ['parse only', `${s(parseMs)} (${perSecond(parseMs)} records/s; median ${s(parseMedian)})`],
    ['parse + grade', `${s(gradeMs)} (${perSecond(gradeMs)} events/s; median ${s(gradeMedian)})`],
    ['grading alone', s(gradeMs - parseMs)],
    ['peak memory (parse + grade)', `${peak.toFixed(0)} MB (target < 1024 MB)`],
    [
      'ratio (parse + grade) / parse',
      `${ratio.toFixed(2)} (target ≤ 2.00; of medians ${(gradeMedian / parseMedian).toFixed(2)})`,
    ],
  ];
  process.stdout.write(
    `\nbench:scoring — best of ${ROUNDS} rounds per phase, same file, same run\n`,
  );
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(32)}${v}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
