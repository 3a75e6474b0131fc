import { existsSync, readFileSync } from 'node:fs';
import type { StoreEvidence } from '@candor/evidence-domain';
import { readBundleByStore, type ReadSummary } from '@candor/evidence-reader';
import {
  applyPolicyOverrides,
  DEFAULT_POLICY,
  grade,
  type Policy,
  PolicyValidationError,
  type Report,
} from '@candor/scoring';
import { formatCsv } from '../format/csv.format';
import { formatMarkdown } from '../format/markdown.format';
import { formatTable } from '../format/table.format';
import { evidenceSpan } from '../support/bundle-window';
import { CommandError, EXIT, UsageError } from '../support/cli-error';
import { choiceOption, parseOptions } from '../support/options';
import { formatBytes, Progress } from '../support/progress';
import { parseTimeOption } from '../support/time-option';

export const GRADE_USAGE = `candor grade <bundle.jsonl[.gz] | -> [options]

Grades the stores in an evidence bundle and prints the report.

  --from ISO        first lead arrival in the window (default: the first lead in the bundle)
  --to ISO          end of the window, exclusive (default: just after the last evidence)
  --as-of ISO       judge the evidence as of this moment (default: --to; never in the future)
  --store ID        grade only this store
  --policy FILE     policy overrides (JSON); default policy: default-1
  --format FMT      table (default), json, csv or markdown
  --strict          exit 3 if any line of the bundle is rejected

Dates without an offset (2026-03-01, 2026-03-01T08:00) are read in the store's time zone when one
store is graded, else in UTC.`;

const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
const MAX_REJECTED_SHOWN = 20;

function loadPolicy(path: string | undefined): Policy {
  if (path === undefined) return DEFAULT_POLICY;
  if (!existsSync(path)) throw new UsageError(`--policy ${path}: no such file`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--policy ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    return applyPolicyOverrides(json);
  } catch (error) {
    if (error instanceof PolicyValidationError)
      throw new UsageError(`--policy ${path}: ${error.message}`);
    throw error;
  }
}

function reportRejections(summary: ReadSummary, source: string): void {
  const { rejected, duplicates } = summary;
  if (summary.rejectedCount > 0) {
    process.stderr.write(
      `${source}: ${summary.rejectedLines} line(s) rejected (${summary.rejectedCount} problem(s)); the other lines are graded:\n`,
    );
    for (const r of rejected.slice(0, MAX_REJECTED_SHOWN)) {
      process.stderr.write(`  line ${r.line}, ${r.field}: ${r.reason}\n`);
    }
    if (summary.rejectedCount > MAX_REJECTED_SHOWN) {
      process.stderr.write(`  … and ${summary.rejectedCount - MAX_REJECTED_SHOWN} more\n`);
    }
  }
  if (summary.duplicateCount > 0) {
    process.stderr.write(
      `${source}: ${summary.duplicateCount} duplicate line(s) ignored (the first occurrence is kept):\n`,
    );
    for (const d of duplicates.slice(0, MAX_REJECTED_SHOWN)) {
      process.stderr.write(
        `  line ${d.line}: ${d.type} ${d.id} of store ${d.storeId} already on line ${d.firstLine}\n`,
      );
    }
    if (summary.duplicateCount > MAX_REJECTED_SHOWN) {
      process.stderr.write(`  … and ${summary.duplicateCount - MAX_REJECTED_SHOWN} more\n`);
    }
  }
}

function render(report: Report, format: (typeof FORMATS)[number]): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'csv':
      return formatCsv(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'table':
      return formatTable(report);
  }
}

export async function gradeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    store: { type: 'string' },
    policy: { type: 'string' },
    format: { type: 'string' },
    strict: { type: 'boolean' },
  });
  if (positionals.length !== 1)
    throw new UsageError('give exactly one bundle file (or - for standard input)');
  const source = positionals[0]!;
  const format = choiceOption(values.format, 'format', FORMATS, 'table');
  const policy = loadPolicy(values.policy);
  if (source !== '-' && !existsSync(source)) throw new UsageError(`${source}: no such file`);

  const progress = new Progress();
  const { stores, summary } = await readBundleByStore(source === '-' ? process.stdin : source, {
    onProgress: (p) =>
      progress.update(
        `reading ${source}: ${p.lines.toLocaleString('en-US')} lines (${formatBytes(p.bytes)})`,
      ),
  });
  progress.done(
    `read ${summary.lines.toLocaleString('en-US')} lines (${formatBytes(summary.bytes)})`,
  );
  reportRejections(summary, source === '-' ? 'stdin' : source);
  if (values.strict && summary.rejectedCount > 0) {
    throw new CommandError(
      `--strict: ${summary.rejectedCount} problem(s) in the bundle; nothing graded`,
      EXIT.strict,
    );
  }

  let selected: StoreEvidence[] = [...stores.values()];
  if (values.store !== undefined) {
    const one = stores.get(values.store);
    if (!one) {
      const known = [...stores.keys()].sort().join(', ') || 'none';
      throw new UsageError(`--store ${values.store} is not in the bundle (stores: ${known})`);
    }
    selected = [one];
  }
  const zone = selected.length === 1 ? (selected[0]!.store?.timeZone ?? 'UTC') : 'UTC';
  const span = evidenceSpan(selected);
  if (!span)
    throw new CommandError(
      `${source}: no leads to grade${values.store ? ` for store ${values.store}` : ''}`,
    );

  const from =
    values.from !== undefined ? parseTimeOption(values.from, 'from', zone) : span.firstLead;
  const to = values.to !== undefined ? parseTimeOption(values.to, 'to', zone) : span.last + 1;
  if (from >= to) throw new UsageError('--from must be before --to');
  let asOf = values['as-of'] !== undefined ? parseTimeOption(values['as-of'], 'as-of', zone) : to;
  if (asOf > Date.now()) {
    if (values['as-of'] !== undefined)
      process.stderr.write('note: --as-of is in the future; judging as of now\n');
    asOf = Date.now();
  }

  const report = grade(selected, {
    window: { from, to, asOf },
    policy,
    onStore: (storeId, i, total) => progress.update(`grading ${storeId} (${i}/${total})`),
  });
  process.stdout.write(render(report, format));
  return EXIT.ok;
}
