import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/default-policy';
import {
  call,
  gradeRecords,
  lead,
  n,
  note,
  t,
  task,
  user,
  value,
  type TestRecord,
} from '../testing/evidence-builder';

const asOf = t('2026-03-10 12:00');
const records = [
  lead('OLD', t('2026-02-26 10:00')),
  lead('A', t('2026-03-02 10:00')),
  call('C1', t('2026-03-02 10:09'), 'A'),
  task('T1', 'A', t('2026-03-02 10:15'), { completedAt: t('2026-03-02 10:10') }), // on time
  task('T2', 'A', t('2026-03-03 10:00'), { completedAt: t('2026-03-03 11:00') }), // 60 min late
  task('T3', 'A', t('2026-03-04 10:00')), // open, overdue
  task('T4', 'A', t('2026-03-04 12:00'), { taskType: 'email', completedAt: t('2026-03-04 11:00') }),
  task('T5', 'A', t('2026-03-05 12:00'), { taskType: 'text', dismissedAt: t('2026-03-05 13:00') }),
  task('T6', 'A', t('2026-03-12 10:00')), // not due yet at asOf
  task('T7', 'OLD', t('2026-02-27 10:00')), // open since before the window
];

describe('task discipline', () => {
  const r = gradeRecords(records, { asOf });

  it('counts every task open past its due time at asOf, whatever its window', () => {
    expect(value(r, 'tasks.overdueCount')).toBe(2);
    expect(
      r.findings.filter((f) => f.metricId === 'tasks.overdueCount').map((f) => f.eventIds[0]),
    ).toEqual(['T3', 'T7']);
  });

  it('rates tasks due in [from, asOf): share still open, share done on time', () => {
    // Due in the window: T1–T5. Open: T3. On time: T1, T4.
    expect(n(r, 'tasks.overdueRate')).toBe(5);
    expect(value(r, 'tasks.overdueRate')).toBe(1 / 5);
    expect(value(r, 'tasks.onTimeRate')).toBe(2 / 5);
  });

  it('honours the task grace period', () => {
    const lenient = gradeRecords(records, {
      asOf,
      policy: { ...DEFAULT_POLICY, taskGraceMin: 60 },
    });
    expect(value(lenient, 'tasks.onTimeRate')).toBe(3 / 5);
  });

  it('compares e-mail/text completion with call completion', () => {
    // Calls due: T1 ✓, T2 ✓, T3 ✗ → 2/3; e-mail/text: T4 ✓, T5 dismissed ✗ → 1/2.
    expect(value(r, 'tasks.cherryPickIndex')).toBeCloseTo(1 / 2 - 2 / 3, 12);
  });

  it('names an agent who skips call tasks', () => {
    const picker: TestRecord[] = [
      user('u-kim', 'Kim Park'),
      lead('K', t('2026-03-02 09:30'), { assignedTo: 'u-kim' }),
    ];
    for (let i = 0; i < 6; i++) {
      const due = t(`2026-03-0${3 + (i % 5)} 10:00`);
      picker.push(
        task(`KC${i}`, 'K', due, { assignedTo: 'u-kim', completedAt: i === 0 ? due : null }),
      );
      picker.push(
        task(`KE${i}`, 'K', due + 60_000, {
          taskType: 'email',
          assignedTo: 'u-kim',
          completedAt: due,
        }),
      );
    }
    const report = gradeRecords(picker, { asOf });
    const kim = report.agents.find((a) => a.userId === 'u-kim')!;
    // E-mail 6/6, calls 1/6 → 1 − 1/6.
    expect(kim.metrics['tasks.cherryPickIndex'].value).toBeCloseTo(5 / 6, 12);
    expect(report.findings.find((f) => f.metricId === 'tasks.cherryPickIndex')).toMatchObject({
      userId: 'u-kim',
      message:
        'Completes 100% of e-mail and text tasks but only 17% of call tasks (6 call tasks due).',
    });
  });
});

describe('notes', () => {
  const r = gradeRecords([
    lead('A', t('2026-03-02 10:00')),
    note(
      'N1',
      'A',
      t('2026-03-03 11:00'),
      "Pat's daughter plays travel softball Saturdays; prefers evening calls.",
    ),
    lead('B', t('2026-03-03 10:00')),
    note('N2', 'B', t('2026-03-03 10:30'), 'sc'),
    note(
      'N3',
      'B',
      t('2026-03-03 10:40'),
      'Spoke in person about financing options and rates today.',
    ),
    lead('C', t('2026-03-04 10:00')),
    note('N4', 'C', t('2026-03-04 10:30'), 'lvm'),
  ]);

  it('counts leads with a substantive note (40+ characters, not filler)', () => {
    expect(value(r, 'notes.substantiveRate')).toBe(2 / 3);
  });

  it('counts leads with personal context, matching whole words only', () => {
    // "person" does not contain the word "son".
    expect(value(r, 'notes.personalDetailRate')).toBe(1 / 3);
  });
});
