import { CATEGORIES, METRIC_IDS, type Report, type StoreReport } from '@candor/scoring';
import { CATEGORY_LABEL, formatScore, formatValue } from './metric-format';
import {
  agentLabel,
  crmVersusReality,
  windowLine,
  worstFindings,
  worstMetrics,
} from './report-view';

function columns(rows: string[][], rightAligned: number[] = []): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) =>
          rightAligned.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}`)
    .join('\n');
}

function storeTable(report: Report, store: StoreReport): string {
  const out: string[] = [];
  const title = `${store.name ?? store.storeId} (${store.storeId})`;
  out.push(
    `${title} — overall ${formatScore(store.overall.score)} ${store.overall.letter ?? '—'}   policy ${report.policyVersion}`,
  );
  out.push(`Window ${windowLine(report, store)}`);
  out.push(
    `Coverage: ${store.coverage.sources.join(', ') || 'no sources'}; ${store.coverage.computable} of ${store.coverage.total} metrics computable; ${store.metrics['response.trueMedianMin'].n} graded leads`,
  );
  out.push('', 'Categories');
  out.push(
    columns(
      [
        ['Category', 'Score', 'Grade'],
        ...CATEGORIES.map((c) => [
          CATEGORY_LABEL[c],
          formatScore(store.categories[c].score),
          letter(store.categories[c].score),
        ]),
      ],
      [1],
    ),
  );
  out.push('', 'CRM says vs reality');
  out.push(columns([['', 'CRM says', 'Reality'], ...crmVersusReality(store)]));
  out.push('', 'Metrics');
  out.push(
    columns(
      [
        ['Metric', 'Value', 'n', 'Score'],
        ...METRIC_IDS.map((id) => [
          id,
          formatValue(id, store.metrics[id].value),
          String(store.metrics[id].n),
          formatScore(store.metrics[id].subscore),
        ]),
      ],
      [1, 2, 3],
    ),
  );
  out.push('', 'Agents (worst first)');
  const agents = [...store.agents].sort(
    (a, b) => (a.overall.score ?? 101) - (b.overall.score ?? 101) || (a.userId < b.userId ? -1 : 1),
  );
  out.push(
    columns([
      ['Agent', 'Grade', 'Score', 'Weakest metrics'],
      ...agents.map((a) => [
        agentLabel(a),
        a.overall.letter ?? '—',
        formatScore(a.overall.score),
        worstMetrics(a, 3)
          .map((id) => `${id} ${formatValue(id, a.metrics[id].value)}`)
          .join(', '),
      ]),
    ]),
  );
  for (const agent of agents) {
    const findings = worstFindings(store.findings, agent.userId, 3);
    if (findings.length === 0) continue;
    out.push('', `  ${agentLabel(agent)}:`);
    for (const f of findings) out.push(`    [${f.severity}] ${f.message}`);
  }
  const total = store.findings.length;
  out.push('', `${total} finding${total === 1 ? '' : 's'} in all (--format json lists every one).`);
  return out.join('\n');
}

function letter(score: number | null): string {
  if (score === null) return '—';
  return score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
}

/** The report for a person reading a terminal. */
export function formatTable(report: Report): string {
  return `${report.stores.map((s) => storeTable(report, s)).join('\n\n' + '─'.repeat(80) + '\n\n')}\n`;
}
