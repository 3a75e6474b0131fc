import { createWriteStream, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { demoManifest, generateDemoEvidence, toBundleLine } from '@candor/scoring-demo-data';
import { EXIT, UsageError } from '../support/cli-error';
import { intOption, parseOptions } from '../support/options';
import { Progress } from '../support/progress';
import { parseTimeOption } from '../support/time-option';

export const DEMO_DATA_USAGE = `candor demo-data [options] > bundle.jsonl

Writes a realistic evidence bundle with planted agent habits (see libs/scoring/demo-data/README.md).

  --stores N          stores (default 2, at most 50)
  --days D            days of leads, ending at --end (default 90, at most 730)
  --seed S            random seed; the same seed gives the same bundle (default 1)
  --leads-per-day K   leads per store per day (default 12)
  --end ISO           end of the generated period (default 2026-11-02T00:00:00Z)
  --out FILE          write to FILE instead of standard output (gzip when it ends in .gz)
  --manifest FILE     also write the stores, agents and planted habits as JSON`;

export async function demoDataCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    stores: { type: 'string' },
    days: { type: 'string' },
    seed: { type: 'string' },
    'leads-per-day': { type: 'string' },
    end: { type: 'string' },
    out: { type: 'string' },
    manifest: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const options = {
    stores: intOption(values.stores, 'stores', 1, 50, 2),
    days: intOption(values.days, 'days', 1, 730, 90),
    seed: intOption(values.seed, 'seed', 0, 2 ** 31 - 1, 1),
    leadsPerStorePerDay: intOption(values['leads-per-day'], 'leads-per-day', 1, 1000, 12),
    ...(values.end !== undefined ? { endAt: parseTimeOption(values.end, 'end', 'UTC') } : {}),
  };
  const manifest = demoManifest(options);
  if (values.manifest) writeFileSync(values.manifest, `${JSON.stringify(manifest, null, 2)}\n`);
  const zones = new Map(manifest.stores.map((s) => [s.storeId, s.timeZone]));

  const progress = new Progress();
  let count = 0;
  function* lines(): Generator<string> {
    for (const record of generateDemoEvidence(options)) {
      const storeId = record.type === 'store' ? record.id : record.storeId;
      count++;
      if ((count & 0x3fff) === 0)
        progress.update(`demo-data: ${count.toLocaleString('en-US')} records`);
      yield `${toBundleLine(record, zones.get(storeId) ?? 'UTC')}\n`;
    }
  }
  const source = Readable.from(lines());
  if (values.out) {
    const file = createWriteStream(values.out);
    await (values.out.endsWith('.gz')
      ? pipeline(source, createGzip(), file)
      : pipeline(source, file));
  } else {
    await pipeline(source, process.stdout, { end: false });
  }
  progress.done(`demo-data: ${count.toLocaleString('en-US')} records`);
  return EXIT.ok;
}
