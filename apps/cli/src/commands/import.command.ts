import { existsSync, statSync } from 'node:fs';
import {
  DEFAULT_BATCH_LINES,
  DEFAULT_SOURCE,
  type ImportReport,
  importBundle,
} from '@candor/evidence-data-access';
import { CandorException } from '@candor/shared-errors';
import { CommandError, EXIT, UsageError } from '../support/cli-error';
import { openDatabase } from '../support/database';
import { choiceOption, intOption, parseOptions } from '../support/options';
import { formatBytes, Progress } from '../support/progress';

export const IMPORT_USAGE = `candor import --consultancy ID --store ID <bundle.jsonl[.gz] | -> [options]

Imports an evidence bundle into a store's evidence: new records are added, changed ones updated
(the previous version is kept), records already stored are left alone. Interrupted imports of a
file resume: run the same command again and it continues after the last committed batch.

  --consultancy ID  the consultancy (tenant) the store belongs to (or CANDOR_CONSULTANCY_ID)
  --store ID        Candor's store id, or the store's external id (the bundle's "storeId")
  --source NAME     the system the records came from (default: ${DEFAULT_SOURCE})
  --batch N         lines per committed batch (default: ${DEFAULT_BATCH_LINES})
  --format FMT      text (default) or json
  --strict          exit 3 when any line is rejected (the good lines are still imported)

Database: DATABASE_URL (and DATABASE_OWNER_URL to migrate first), or else the embedded
PostgreSQL under .data/ that npm start uses.`;

const MAX_REJECTED_SHOWN = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const n = (x: number) => x.toLocaleString('en-US');

function summarize(report: ImportReport, source: string): string {
  const lines = [
    `${source}: ${n(report.lines)} lines into store ${report.storeId} (import run ${report.runId})`,
    report.resumedAfterLine > 0
      ? `  resumed after line ${n(report.resumedAfterLine)} (committed by an earlier attempt)`
      : null,
    `  accepted  ${n(report.accepted)}`,
    `  updated   ${n(report.updated)}`,
    `  duplicate ${n(report.duplicate)}`,
    `  rejected  ${n(report.rejected)}`,
    report.blank > 0 ? `  blank     ${n(report.blank)}` : null,
  ];
  for (const r of report.rejections.slice(0, MAX_REJECTED_SHOWN)) {
    lines.push(`  line ${r.line}, ${r.field}: ${r.reason}`);
  }
  if (report.rejections.length > MAX_REJECTED_SHOWN) {
    lines.push(`  … ${n(report.rejections.length - MAX_REJECTED_SHOWN)} more problem(s) listed`);
  }
  return `${lines.filter((l) => l !== null).join('\n')}\n`;
}

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    consultancy: { type: 'string' },
    store: { type: 'string' },
    source: { type: 'string' },
    batch: { type: 'string' },
    format: { type: 'string' },
    strict: { type: 'boolean' },
  });
  if (positionals.length !== 1)
    throw new UsageError('give exactly one bundle file (or - for standard input)');
  const file = positionals[0]!;
  const consultancyId = values.consultancy ?? process.env['CANDOR_CONSULTANCY_ID'];
  if (!consultancyId) throw new UsageError('--consultancy is required');
  if (!UUID.test(consultancyId))
    throw new UsageError(`--consultancy must be a uuid (got "${consultancyId}")`);
  if (!values.store) throw new UsageError('--store is required');
  const batchLines = intOption(values.batch, 'batch', 100, 1_000_000, DEFAULT_BATCH_LINES);
  const format = choiceOption(values.format, 'format', ['text', 'json'] as const, 'text');
  if (file !== '-' && (!existsSync(file) || !statSync(file).isFile()))
    throw new UsageError(`${file}: no such file`);

  const progress = new Progress();
  const db = await openDatabase(process.env, (line) => process.stderr.write(`candor: ${line}\n`));
  try {
    const report = await importBundle(
      db.dataSource,
      { consultancyId },
      {
        store: values.store,
        source: values.source ?? DEFAULT_SOURCE,
        batchLines,
        input:
          file === '-'
            ? { kind: 'upload', stream: process.stdin, fileName: 'stdin' }
            : { kind: 'file', path: file },
        onProgress: (p) =>
          progress.update(
            `importing ${file}: ${n(p.lines)} lines read (${formatBytes(p.bytes)}), ${n(p.committedLines)} committed`,
          ),
      },
    );
    progress.done();
    process.stdout.write(
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : summarize(report, file),
    );
    if (values.strict && report.rejected > 0) {
      throw new CommandError(`--strict: ${n(report.rejected)} line(s) rejected`, EXIT.strict);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CandorException) throw new CommandError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}
