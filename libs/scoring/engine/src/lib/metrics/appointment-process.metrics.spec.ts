import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/default-policy';
import {
  appointment,
  call,
  email,
  gradeRecords,
  lead,
  n,
  sale,
  status,
  t,
  task,
  user,
  value,
  type TestRecord,
} from '../testing/evidence-builder';

describe('appointments', () => {
  const r = gradeRecords([
    lead('A1', t('2026-03-02 10:00')),
    appointment('AP1', 'A1', t('2026-03-02 11:00'), t('2026-03-05 17:30'), {
      confirmedAt: t('2026-03-05 10:00'),
      shownAt: t('2026-03-05 17:41'),
    }),
    sale('S1', 'A1', t('2026-03-05 19:20')),
    lead('A2', t('2026-03-03 10:00')),
    appointment('AP2', 'A2', t('2026-03-03 12:00'), t('2026-03-06 12:00'), {
      cancelledAt: t('2026-03-06 09:00'),
    }),
    lead('A3', t('2026-03-04 10:00')),
    lead('A4', t('2026-03-04 11:00')),
    appointment('AP4', 'A4', t('2026-03-04 12:00'), t('2026-04-02 10:00')),
    // A February lead whose appointment falls in March; confirmed only after it started.
    lead('A5', t('2026-02-20 10:00')),
    appointment('AP5', 'A5', t('2026-02-21 10:00'), t('2026-03-03 15:00'), {
      confirmedAt: t('2026-03-03 16:00'),
      shownAt: t('2026-03-03 15:10'),
    }),
  ]);

  it('counts window leads with an appointment set', () => {
    expect(value(r, 'appointments.setRate')).toBe(3 / 4);
  });

  it('judges appointments starting in the window: confirmed before the start, shown (cancelled = not shown)', () => {
    // Starting in March: AP1, AP2, AP5.
    expect(n(r, 'appointments.confirmedRate')).toBe(3);
    expect(value(r, 'appointments.confirmedRate')).toBe(1 / 3);
    expect(value(r, 'appointments.showRate')).toBe(2 / 3);
  });

  it('counts shown leads that bought', () => {
    expect(value(r, 'appointments.soldFromShowRate')).toBe(1 / 2);
  });
});

describe('process', () => {
  const asOf = t('2026-03-10 12:00');

  it('checks cadence steps that are due, day by day, starting after-hours leads on the next business day', () => {
    const r = gradeRecords(
      [
        // Mon 03-02 10:00. Due by asOf: d0 call, d0 email (Mon), d1 call (Tue), d3 call (Thu), d7 e-mail (Mon 9th).
        lead('C', t('2026-03-02 10:00')),
        call('C0', t('2026-03-02 10:05'), 'C'),
        email('C0e', t('2026-03-02 10:20'), 'C'),
        call('C2', t('2026-03-04 11:00'), 'C'), // Wednesday: misses the day-1 call
        call('C3', t('2026-03-05 11:00'), 'C'),
        email('C7', t('2026-03-09 11:00'), 'C'),
        // Sat 19:00, after closing: day 0 is Monday 9th (Sunday closed); only d0 steps are due.
        lead('D', t('2026-03-07 19:00')),
        call('D0', t('2026-03-07 19:30'), 'D'), // that evening: counts for the day-0 call
        // Closed the same afternoon: later steps are not due; no e-mail address: no e-mail step.
        lead('F', t('2026-03-02 10:00'), {
          customer: { name: 'F', emails: [], phones: ['+13125559000'] },
        }),
        call('F0', t('2026-03-02 10:05'), 'F', { to: '+13125559000' }),
        status('Fx', 'F', t('2026-03-02 15:00'), 'lost'),
      ],
      { asOf },
    );
    // C: 4 of 5; D: 1 of 2; F: 1 of 1 → 6 of 8.
    expect(n(r, 'process.cadenceCompliance')).toBe(8);
    expect(value(r, 'process.cadenceCompliance')).toBe(6 / 8);
  });

  it('does not count steps on a channel the customer gave no address for', () => {
    const r = gradeRecords(
      [
        // E-mail only: of the 5 steps due by asOf, the 4 call steps cannot be met by anyone.
        lead('E', t('2026-03-02 10:00'), {
          customer: { name: 'Email Only', emails: ['e@example.org'], phones: [] },
        }),
        email('E0', t('2026-03-02 10:10'), 'E', { to: 'e@example.org' }),
        email('E7', t('2026-03-09 10:10'), 'E', { to: 'e@example.org' }),
      ],
      { asOf },
    );
    expect(n(r, 'process.cadenceCompliance')).toBe(2);
    expect(value(r, 'process.cadenceCompliance')).toBe(1);
  });

  it('measures tasks due per agent per business day and flags overload', () => {
    const records: TestRecord[] = [user('u-sam', 'Sam Ortiz'), lead('L', t('2026-03-02 09:00'))];
    for (let i = 0; i < 16; i++)
      records.push(task(`D${i}`, 'L', t('2026-03-03 10:00') + i * 60_000));
    for (let i = 0; i < 8; i++)
      records.push(task(`S${i}`, 'L', t('2026-03-04 10:00') + i * 60_000, { assignedTo: 'u-sam' }));
    // Business days 1–10 March up to asOf: Mon 2 – Sat 7 and Mon 9, Tue 10 = 8.
    const r = gradeRecords(records, {
      asOf,
      policy: { ...DEFAULT_POLICY, agentDailyTaskCapacity: 1 },
    });
    expect(value(r, 'process.tasksPerAgentDay')).toBe(24 / (2 * 8));
    expect(
      r.agents.find((a) => a.userId === 'u-dana')!.metrics['process.tasksPerAgentDay'].value,
    ).toBe(2);
    expect(
      r.findings.filter((f) => f.metricId === 'process.tasksPerAgentDay').map((f) => f.userId),
    ).toEqual(['u-dana']);
  });
});
