import { METRIC_IDS, type MetricValue, type Report } from '@candor/scoring';

const quote = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per store × (store or agent) × metric: for spreadsheets and BI tools. */
export function formatCsv(report: Report): string {
  const lines = [
    [
      'policy_version',
      'window_from',
      'window_to',
      'as_of',
      'store_id',
      'scope',
      'user_id',
      'name',
      'metric_id',
      'value',
      'n',
      'subscore',
    ].join(','),
  ];
  const w = report.window;
  for (const store of report.stores) {
    const emit = (
      scope: string,
      userId: string | null,
      name: string | null,
      metrics: Record<string, MetricValue>,
    ) => {
      for (const id of METRIC_IDS) {
        const m = metrics[id]!;
        lines.push(
          [
            report.policyVersion,
            w.from,
            w.to,
            w.asOf,
            store.storeId,
            scope,
            userId,
            name,
            id,
            m.value,
            m.n,
            m.subscore,
          ]
            .map(quote)
            .join(','),
        );
      }
    };
    emit('store', null, store.name, store.metrics);
    for (const agent of store.agents) emit('agent', agent.userId, agent.name, agent.metrics);
  }
  return `${lines.join('\n')}\n`;
}
