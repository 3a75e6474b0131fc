import { describe, expect, it } from 'vitest';
import { grade } from '../grade';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { METRIC_IDS } from '../policy/metric-ids';
import {
  call,
  DANA,
  email,
  evidence,
  gradeRecords,
  lead,
  note,
  store,
  t,
  task,
  value,
} from '../testing/evidence-builder';
import { letterFor, subscore } from './grading';

describe('subscores and letters (§3)', () => {
  it('interpolates between floor and target in either direction and clamps', () => {
    // Lower is better: floor 60, target 15; 18 min → (18 − 60)/(15 − 60) = 42/45.
    expect(subscore(18, { floor: 60, target: 15, weight: 1 })).toBeCloseTo((42 / 45) * 100, 10);
    expect(subscore(5, { floor: 60, target: 15, weight: 1 })).toBe(100);
    expect(subscore(90, { floor: 60, target: 15, weight: 1 })).toBe(0);
    // Higher is better: floor 0.1, target 0.32; 0.21 → 0.11/0.22 = 50.
    expect(subscore(0.21, { floor: 0.1, target: 0.32, weight: 1 })).toBeCloseTo(50, 10);
    // Toward zero: |−0.2| on floor 0.5, target 0.05 → 0.3/0.45.
    expect(subscore(-0.2, { floor: 0.5, target: 0.05, weight: 1, absolute: true })).toBeCloseTo(
      (0.3 / 0.45) * 100,
      10,
    );
    expect(subscore(null, { floor: 0, target: 1, weight: 1 })).toBeNull();
    expect(subscore(0.5, null)).toBeNull();
  });

  it('turns scores into letters at 90/80/70/60', () => {
    expect([90, 89.99, 80, 70, 60, 59.99, null].map(letterFor)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'D',
      'F',
      null,
    ]);
  });
});

describe('store report', () => {
  const records = [
    lead('L1', t('2026-03-02 09:14')),
    task('T1', 'L1', t('2026-03-02 09:29'), { completedAt: t('2026-03-02 09:16'), comment: 'sc' }),
    call('C1', t('2026-03-02 09:55'), 'L1', {
      answeredBy: 'machine',
      outcome: 'voicemail',
      transcript: 'Hi Pat, Dana at Smith Toyota',
    }),
    email('E1', t('2026-03-02 10:02'), 'L1', { from: 'dana.reyes77@gmail.com' }),
    note(
      'N1',
      'L1',
      t('2026-03-03 11:00'),
      "Pat's daughter plays travel softball Saturdays; prefers evening calls.",
    ),
    lead('L2', t('2026-03-02 10:00')),
    call('C2', t('2026-03-02 10:05'), 'L2', { answeredBy: 'human', durationSec: 120 }),
  ];
  const report = gradeRecords(records);

  it('reports every metric id for the store and each agent, null when there is no data', () => {
    expect(Object.keys(report.metrics)).toEqual([...METRIC_IDS]);
    expect(report.agents.map((a) => a.userId)).toEqual(['u-dana']);
    expect(Object.keys(report.agents[0]!.metrics)).toEqual([...METRIC_IDS]);
    expect(value(report, 'appointments.confirmedRate')).toBeNull();
  });

  it('averages category subscores by weight and drops categories without data', () => {
    const { categories, overall } = report;
    expect(categories.appointments.score).toBe(0); // set rate 0 of 2 leads
    const weights = DEFAULT_POLICY.categoryWeights;
    const present = (Object.keys(categories) as (keyof typeof categories)[]).filter(
      (c) => categories[c].score !== null,
    );
    const expected =
      present.reduce((sum, c) => sum + categories[c].score! * weights[c], 0) /
      present.reduce((sum, c) => sum + weights[c], 0);
    expect(overall.score).toBeCloseTo(expected, 10);
    expect(overall.letter).toBe(letterFor(expected));
  });

  it('states its coverage', () => {
    expect(report.coverage).toMatchObject({
      sources: ['crm', 'telephony', 'email'],
      total: METRIC_IDS.length,
    });
    expect(report.coverage.computable).toBe(
      METRIC_IDS.filter((id) => report.metrics[id].value !== null).length,
    );
  });

  it('does not blame a store for a missing connector', () => {
    const crmOnly = gradeRecords([
      lead('L1', t('2026-03-02 09:14')),
      task('T1', 'L1', t('2026-03-02 09:29'), { completedAt: t('2026-03-02 09:16') }),
    ]);
    expect(crmOnly.coverage.sources).toEqual(['crm']);
    expect(value(crmOnly, 'response.trueMedianMin')).toBeNull();
    expect(value(crmOnly, 'persistence.neverContactedRate')).toBeNull();
    expect(crmOnly.coverage.missingSources['response.trueMedianMin']).toEqual([
      'telephony',
      'email',
      'text',
    ]);
    expect(crmOnly.findings.filter((f) => f.metricId === 'persistence.neverContactedRate')).toEqual(
      [],
    );
    // What the CRM alone can say is still reported.
    expect(value(crmOnly, 'response.crmMedianMin')).toBe(2);
  });

  it('is byte-identical whatever the order of the input records', () => {
    const all = [store(), DANA, ...records];
    const window = {
      from: t('2026-03-01 00:00'),
      to: t('2026-04-01 00:00'),
      asOf: t('2026-04-01 00:00'),
    };
    const reference = JSON.stringify(grade([evidence(all)], { window }));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20; i++) {
      const shuffled = [...all].sort(() => random() - 0.5);
      expect(JSON.stringify(grade([evidence(shuffled)], { window }))).toBe(reference);
    }
  });

  it('names the policy version and the window in the report', () => {
    const window = {
      from: t('2026-03-01 00:00'),
      to: t('2026-04-01 00:00'),
      asOf: t('2026-03-15 12:00'),
    };
    const r = grade([evidence([store(), ...records])], { window });
    expect(r.policyVersion).toBe('default-1');
    expect(r.window).toEqual({
      from: '2026-03-01T06:00:00.000Z',
      to: '2026-04-01T05:00:00.000Z',
      asOf: '2026-03-15T17:00:00.000Z',
    });
  });
});
