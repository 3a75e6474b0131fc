import { DateTime } from 'luxon';
import {
  type AgentReport,
  type Finding,
  type MetricId,
  type Report,
  type StoreReport,
} from '@candor/scoring';
import { worstMetrics as worstMetricsOf } from '@candor/reports-domain';
import { formatValue, minutes } from './metric-format';

/** Pieces the table and markdown formats share. */

export function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
}

export function windowLine(report: Report, store: StoreReport): string {
  const z = store.timeZone;
  return `${localTime(report.window.from, z)} → ${localTime(report.window.to, z)} ${z}, judged as of ${localTime(report.window.asOf, z)}`;
}

/** "CRM says vs reality" rows: what the CRM reports beside what the evidence shows. */
export function crmVersusReality(store: StoreReport): [string, string, string][] {
  const m = store.metrics;
  const rows: [string, string, string][] = [];
  const crm = m['response.crmMedianMin'].value;
  const real = m['response.trueMedianMin'].value;
  rows.push([
    'Median first response',
    crm === null ? '—' : minutes(crm),
    real === null
      ? m['response.trueMedianMin'].n > 0
        ? 'most leads never contacted'
        : '—'
      : minutes(real),
  ]);
  const calls = m['calls.verificationRate'];
  if (calls.n > 0 && calls.value !== null) {
    rows.push([
      'Calls logged in the CRM',
      String(calls.n),
      `${Math.round(calls.value * calls.n)} on the phone system (${formatValue('calls.verificationRate', calls.value)})`,
    ]);
  }
  const tasks = m['tasks.uncorroboratedRate'];
  if (tasks.n > 0 && tasks.value !== null) {
    rows.push([
      'Contact tasks completed',
      String(tasks.n),
      `${Math.round((1 - tasks.value) * tasks.n)} backed by a real contact (${formatValue('tasks.uncorroboratedRate', 1 - tasks.value)})`,
    ]);
  }
  const stops = m['clockStop.rate'];
  if (stops.n > 0 && stops.value !== null) {
    const count = Math.round(stops.value * stops.n);
    rows.push([
      'Clock stops (fake first responses)',
      'none',
      `${count} of ${stops.n} responded leads (${formatValue('clockStop.rate', stops.value)})`,
    ]);
  }
  return rows;
}

const SEVERITY = { high: 0, medium: 1, low: 2 };

export function worstFindings(
  findings: readonly Finding[],
  userId: string | null,
  count: number,
): Finding[] {
  return findings
    .filter((f) => userId === null || f.userId === userId)
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY[a.f.severity] - SEVERITY[b.f.severity] || a.i - b.i)
    .slice(0, count)
    .map(({ f }) => f);
}

/** An agent's lowest graded subscores: what to coach first. */
export function worstMetrics(agent: AgentReport, count: number): MetricId[] {
  return worstMetricsOf(agent.metrics, count);
}

export function agentLabel(agent: AgentReport): string {
  return agent.name ? `${agent.name} (${agent.userId})` : agent.userId;
}
