import { describe, expect, it } from 'vitest';
import { call, email, gradeRecords, lead, n, t, task, value } from '../testing/evidence-builder';

// Smith Toyota, America/Chicago: Mon–Fri 09:00–20:00, Sat 09:00–18:00, Sun closed.
// 2026-03-02 is a Monday; the US switches to daylight time on Sunday 2026-03-08.
const fiveLeads = [
  // L1: the clock stopper. Call task completed 09:16 with "sc"; first real call 09:55.
  lead('L1', t('2026-03-02 09:14')),
  task('T1', 'L1', t('2026-03-02 09:29'), {
    completedAt: t('2026-03-02 09:16'),
    completedBy: 'u-dana',
    comment: 'sc',
  }),
  call('C1', t('2026-03-02 09:55'), 'L1'),
  // L2: answered in 5 minutes.
  lead('L2', t('2026-03-02 10:00')),
  call('C2', t('2026-03-02 10:05'), 'L2'),
  // L3: never contacted.
  lead('L3', t('2026-03-02 10:30')),
  // L4: arrives 19:50 Monday, e-mailed 09:10 Tuesday → 10 + 10 = 20 business minutes.
  lead('L4', t('2026-03-02 19:50')),
  email('E4', t('2026-03-03 09:10'), 'L4'),
  // L5: arrives Saturday 17:00, called Monday 09:30 (Sunday closed, across the DST change)
  // → 60 (Sat 17:00–18:00) + 30 (Mon 09:00–09:30) = 90 business minutes.
  lead('L5', t('2026-03-07 17:00')),
  call('C5', t('2026-03-09 09:30'), 'L5'),
];

describe('responsiveness', () => {
  const report = gradeRecords(fiveLeads);

  it('measures the true median response in business minutes, counting a never-contacted lead as +∞', () => {
    // True: [41, 5, ∞, 20, 90] → sorted [5, 20, 41, 90, ∞] → median 41.
    expect(value(report, 'response.trueMedianMin')).toBe(41);
    expect(n(report, 'response.trueMedianMin')).toBe(5);
    // Wall clock: [41, 5, ∞, 800 (13 h 20), 2430 (40 h 30)] → median 800.
    expect(report.metrics['response.trueMedianMin'].wallClockValue).toBe(800);
  });

  it('reports null with a finding when the 90th percentile lands on a lead nobody answered', () => {
    // Nearest rank ⌈0.9 · 5⌉ = 5 → the 5th value, ∞.
    expect(value(report, 'response.trueP90Min')).toBeNull();
    expect(report.findings.filter((f) => f.metricId === 'response.trueP90Min')).toHaveLength(1);
  });

  it('shows what the CRM claims beside the truth', () => {
    // CRM-reported: [2 (the "sc" task), 5, ∞, 20, 90] → sorted [2, 5, 20, 90, ∞] → 20.
    expect(value(report, 'response.crmMedianMin')).toBe(20);
    expect(report.metrics['response.crmMedianMin'].subscore).toBeNull();
  });

  it('counts leads answered within 15 business minutes', () => {
    expect(value(report, 'response.within15Rate')).toBe(1 / 5);
  });

  it('counts leads without a genuine attempt within 24 wall-clock hours', () => {
    // L3 (never) and L5 (40.5 h) → 2 of 5.
    expect(value(report, 'response.noResponse24hRate')).toBe(2 / 5);
  });

  it('finds the stopped clock, its gap and its filler comment', () => {
    // Leads with a CRM-reported response: L1, L2, L4, L5; only L1 stopped the clock.
    expect(value(report, 'clockStop.rate')).toBe(1 / 4);
    expect(value(report, 'clockStop.medianGapMin')).toBe(39);
    expect(value(report, 'clockStop.fillerShare')).toBe(1);
    const finding = report.findings.find((f) => f.metricId === 'clockStop.rate');
    expect(finding).toEqual({
      metricId: 'clockStop.rate',
      severity: 'high',
      leadId: 'L1',
      userId: 'u-dana',
      eventIds: ['T1', 'C1'],
      message:
        "Lead L1: call task completed 2 min after arrival with comment 'sc'; no call on the phone system within 10 min; first real attempt 41 min after arrival.",
    });
  });

  it('uses the mean of the two middle values for an even count', () => {
    // [41, 5, 20, 90] → (20 + 41) / 2.
    const even = gradeRecords(
      fiveLeads.filter((r) => !('leadId' in r ? r.leadId === 'L3' : r.id === 'L3')),
    );
    expect(value(even, 'response.trueMedianMin')).toBe(30.5);
  });

  it('has no median when half the leads were never answered', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      call('CA', t('2026-03-02 10:05'), 'A'),
      lead('B', t('2026-03-02 11:00')),
      call('CB', t('2026-03-02 11:10'), 'B'),
      lead('C', t('2026-03-02 12:00')),
      lead('D', t('2026-03-02 13:00')),
    ]);
    // [5, 10, ∞, ∞] → (10 + ∞) / 2 = ∞ → null, with a finding saying so.
    expect(value(r, 'response.trueMedianMin')).toBeNull();
    expect(r.findings.map((f) => f.metricId)).toContain('response.trueMedianMin');
  });

  it('ignores evidence after asOf, measuring an open clock stop to asOf', () => {
    const r = gradeRecords(fiveLeads, {
      from: t('2026-03-01 00:00'),
      to: t('2026-03-03 00:00'),
      asOf: t('2026-03-02 09:30'),
    });
    // Only L1 had arrived; its 09:55 call is not visible yet.
    expect(n(r, 'response.trueMedianMin')).toBe(1);
    expect(value(r, 'response.trueMedianMin')).toBeNull();
    expect(value(r, 'response.crmMedianMin')).toBe(2);
    // From the 09:16 claim to asOf 09:30.
    expect(value(r, 'clockStop.medianGapMin')).toBe(14);
    // Received less than 24 h before asOf: not judged.
    expect(n(r, 'response.noResponse24hRate')).toBe(0);
    expect(value(r, 'response.noResponse24hRate')).toBeNull();
  });

  it('does not count automated messages as a response', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      email('AUTO', t('2026-03-02 10:01'), 'A', {
        automated: true,
        subject: 'Thanks for your inquiry',
      }),
      call('CA', t('2026-03-02 10:30'), 'A'),
    ]);
    expect(value(r, 'response.trueMedianMin')).toBe(30);
  });

  it('judges a window lead by attempts after the window ends', () => {
    const r = gradeRecords(
      [lead('A', t('2026-03-31 19:55')), call('CA', t('2026-04-01 09:05'), 'A')],
      { asOf: t('2026-04-02 00:00') },
    );
    // 5 min Tuesday evening + 5 min Wednesday morning.
    expect(value(r, 'response.trueMedianMin')).toBe(10);
  });

  it('has no data (null, never zero) when no lead arrived in the window', () => {
    const r = gradeRecords([
      lead('A', t('2026-02-10 10:00')),
      call('CA', t('2026-02-10 10:05'), 'A'),
    ]);
    expect(value(r, 'response.trueMedianMin')).toBeNull();
    expect(n(r, 'response.trueMedianMin')).toBe(0);
    expect(value(r, 'response.within15Rate')).toBeNull();
    expect(value(r, 'clockStop.rate')).toBeNull();
  });

  it('does not call a claim a clock stop when the real attempt follows within the grace period', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      task('TA', 'A', t('2026-03-02 10:15'), { completedAt: t('2026-03-02 10:01'), comment: 'sc' }),
      // 12 minutes after the claim: too late to corroborate it (10 min), but is it a clock stop?
      // The claim is uncorroborated and the real call is 12 > 5 minutes later: yes.
      call('CA', t('2026-03-02 10:13'), 'A'),
      lead('B', t('2026-03-02 11:00')),
      task('TB', 'B', t('2026-03-02 11:15'), { completedAt: t('2026-03-02 11:01'), comment: 'sc' }),
      // 4 minutes later: corroborates the claim, so no clock stop.
      call('CB', t('2026-03-02 11:05'), 'B'),
    ]);
    expect(value(r, 'clockStop.rate')).toBe(1 / 2);
    expect(r.findings.filter((f) => f.metricId === 'clockStop.rate').map((f) => f.leadId)).toEqual([
      'A',
    ]);
  });
});
