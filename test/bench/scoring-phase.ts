import { readBundle, readBundleByStore } from '@candor/evidence-reader';
import { grade } from '@candor/scoring';

/**
 * One timed phase of the scoring benchmark, in its own process so its peak memory is its own:
 * `parse <file>` reads and validates the bundle; `grade <file>` reads, validates and grades it.
 * Prints one JSON line: { phase, ms, records, peakRssMb }.
 */
async function main(): Promise<void> {
  const [phase, file] = process.argv.slice(2);
  if ((phase !== 'parse' && phase !== 'grade') || !file)
    throw new Error('usage: scoring-phase parse|grade <file>');
  const started = process.hrtime.bigint();
  let records = 0;
  if (phase === 'parse') {
    const summary = await readBundle(file, { onRecord: () => records++ });
    if (summary.rejectedCount > 0)
      throw new Error(`bundle has ${summary.rejectedCount} rejected lines`);
  } else {
    const { stores, summary } = await readBundleByStore(file);
    records = summary.accepted;
    const all = [...stores.values()];
    // The window `candor grade` uses by default: the first lead to just after the last one.
    let from = Infinity;
    let to = 0;
    for (const s of all) {
      for (const l of s.leads) {
        from = Math.min(from, l.receivedAt);
        to = Math.max(to, l.receivedAt + 1);
      }
    }
    const report = grade(all, { window: { from, to, asOf: to } });
    if (report.stores.length === 0) throw new Error('nothing graded');
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ phase, ms, records, peakRssMb })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
