import { CATEGORIES, METRIC_IDS, type Report, type StoreReport } from '@candor/scoring';
import { CATEGORY_LABEL, formatScore, formatValue } from './metric-format';
import {
  agentLabel,
  crmVersusReality,
  windowLine,
  worstFindings,
  worstMetrics,
} from './report-view';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function storeMarkdown(report: Report, store: StoreReport): string {
  const parts = [
    `## ${store.name ?? store.storeId} — ${formatScore(store.overall.score)} (${store.overall.letter ?? '—'})`,
    `Window ${windowLine(report, store)}. Policy \`${report.policyVersion}\`. Sources: ${store.coverage.sources.join(', ') || 'none'}; ${store.coverage.computable} of ${store.coverage.total} metrics computable.`,
    '### Categories',
    table(
      ['Category', 'Score'],
      CATEGORIES.map((c) => [CATEGORY_LABEL[c], formatScore(store.categories[c].score)]),
    ),
    '### CRM says vs reality',
    table(['', 'CRM says', 'Reality'], crmVersusReality(store)),
    '### Metrics',
    table(
      ['Metric', 'Value', 'n', 'Score'],
      METRIC_IDS.map((id) => [
        `\`${id}\``,
        formatValue(id, store.metrics[id].value),
        String(store.metrics[id].n),
        formatScore(store.metrics[id].subscore),
      ]),
    ),
    '### Agents',
    table(
      ['Agent', 'Grade', 'Score', 'Weakest metrics', 'Worst findings'],
      store.agents.map((a) => [
        agentLabel(a),
        a.overall.letter ?? '—',
        formatScore(a.overall.score),
        worstMetrics(a, 3)
          .map((id) => `${id} ${formatValue(id, a.metrics[id].value)}`)
          .join(', '),
        worstFindings(store.findings, a.userId, 2)
          .map((f) => f.message)
          .join(' '),
      ]),
    ),
  ];
  return parts.join('\n\n');
}

/** The report as Markdown, for pasting into a coaching write-up. */
export function formatMarkdown(report: Report): string {
  return `# Candor report\n\n${report.stores.map((s) => storeMarkdown(report, s)).join('\n\n')}\n`;
}
