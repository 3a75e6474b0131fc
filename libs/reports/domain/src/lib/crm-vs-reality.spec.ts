import { describe, expect, it } from 'vitest';
import { type Finding, METRIC_IDS, type StoreReport } from '@candor/scoring';
import { crmVersusReality, worstMetrics } from './crm-vs-reality';
import { findingKeys } from './finding-key';

function metrics(
  values: Record<string, [number | null, number, number | null]>,
): StoreReport['metrics'] {
  return Object.fromEntries(
    METRIC_IDS.map((id) => {
      const [value, n, subscore] = values[id] ?? [null, 0, null];
      return [id, { value, n, subscore }];
    }),
  ) as StoreReport['metrics'];
}

describe('CRM says vs reality', () => {
  it('pairs what the CRM shows with what the evidence shows', () => {
    const pairs = crmVersusReality(
      metrics({
        'response.crmMedianMin': [5, 5, 100],
        'response.trueMedianMin': [41, 5, 75],
        'calls.verificationRate': [0.25, 4, 0],
        'tasks.uncorroboratedRate': [2 / 3, 3, 0],
        'clockStop.rate': [0.5, 4, 0],
      }),
    );
    expect(pairs.map((p) => [p.key, p.crm, p.reality])).toEqual([
      ['firstResponseMedianMin', 5, 41],
      ['callsLogged', 4, 1],
      ['contactTasksCompleted', 3, 1],
      ['clockStops', 0, 2],
    ]);
  });

  it('says "no data" rather than zero when nothing was claimed', () => {
    const pairs = crmVersusReality(metrics({}));
    expect(pairs.find((p) => p.key === 'clockStops')).toMatchObject({ crm: null, reality: null });
    expect(pairs.find((p) => p.key === 'callsLogged')).toMatchObject({ crm: 0, reality: null });
  });

  it('worst metrics are the lowest subscores below 100, ties in report order', () => {
    const m = metrics({
      'response.trueMedianMin': [41, 5, 75],
      'clockStop.rate': [0.5, 4, 0],
      'calls.verificationRate': [0.25, 4, 0],
      'tasks.onTimeRate': [1, 4, 100],
    });
    expect(worstMetrics(m, 3)).toEqual([
      'clockStop.rate',
      'calls.verificationRate',
      'response.trueMedianMin',
    ]);
  });
});

describe('finding keys', () => {
  it('survive a rewritten message and extra events, and number repeats', () => {
    const f: Finding = {
      metricId: 'clockStop.rate',
      severity: 'high',
      leadId: 'L1',
      userId: 'u',
      eventIds: ['T1'],
      message: 'a',
    };
    const [a] = findingKeys([f]);
    const [b] = findingKeys([{ ...f, message: 'b', eventIds: ['T1', 'C9'] }]);
    expect(a).toBe(b);
    const keys = findingKeys([f, f, { ...f, leadId: 'L2' }]);
    expect(keys[1]).toBe(`${a}#2`);
    expect(new Set(keys).size).toBe(3);
  });
});
