import type { MetricId } from '@candor/scoring';

type Kind = 'minutes' | 'rate' | 'count' | 'index' | 'perDay';

const KIND: Partial<Record<MetricId, Kind>> = {
  'response.trueMedianMin': 'minutes',
  'response.trueP90Min': 'minutes',
  'response.crmMedianMin': 'minutes',
  'clockStop.medianGapMin': 'minutes',
  'tasks.overdueCount': 'count',
  'persistence.medianAttempts7d': 'count',
  'tasks.cherryPickIndex': 'index',
  'process.tasksPerAgentDay': 'perDay',
};

export function kindOf(id: MetricId): Kind {
  return KIND[id] ?? 'rate';
}

export function minutes(m: number): string {
  if (m < 100) return `${Math.round(m * 10) / 10} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(1)} h`;
  return `${(m / 1440).toFixed(1)} days`;
}

/** A metric value for a person: minutes, percentages, counts; "—" for no data. */
export function formatValue(id: MetricId, value: number | null): string {
  if (value === null) return '—';
  switch (kindOf(id)) {
    case 'minutes':
      return minutes(value);
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'index':
      return `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
    case 'perDay':
      return `${value.toFixed(1)}/day`;
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
  }
}

export function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(1);
}

export const CATEGORY_LABEL = {
  responsiveness: 'Responsiveness',
  honesty: 'Honesty',
  channelDiscipline: 'Channel discipline',
  taskDiscipline: 'Task discipline',
  persistence: 'Persistence',
  appointments: 'Appointments',
  process: 'Process',
} as const;
