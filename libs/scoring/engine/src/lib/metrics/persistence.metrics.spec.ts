import { describe, expect, it } from 'vitest';
import {
  activity,
  call,
  email,
  gradeRecords,
  lead,
  n,
  sale,
  status,
  t,
  value,
} from '../testing/evidence-builder';

const asOf = t('2026-03-31 12:00');

const records = [
  // P1: 4 attempts in its first 7 days; flipped to lost after 2 days and 3 attempts.
  lead('P1', t('2026-03-02 10:00')),
  call('P1a', t('2026-03-02 10:05'), 'P1'),
  email('P1b', t('2026-03-02 10:20'), 'P1'),
  call('P1c', t('2026-03-03 11:00'), 'P1'),
  status('P1x', 'P1', t('2026-03-04 11:00'), 'lost'),
  call('P1d', t('2026-03-05 11:00'), 'P1'),
  call('P1e', t('2026-03-09 11:00'), 'P1'),
  // P2: sold within 7 days, so not judged on 7-day attempts.
  lead('P2', t('2026-03-02 11:00')),
  call('P2a', t('2026-03-02 11:03'), 'P2'),
  sale('P2s', 'P2', t('2026-03-05 15:00')),
  // P3: never contacted, still open.
  lead('P3', t('2026-03-03 10:00')),
  // P4: open, called within the last 3 days.
  lead('P4', t('2026-03-20 10:00')),
  call('P4a', t('2026-03-20 10:10'), 'P4'),
  call('P4b', t('2026-03-29 10:00'), 'P4'),
  // P5: arrived less than 3 days before asOf.
  lead('P5', t('2026-03-30 10:00')),
  call('P5a', t('2026-03-30 10:05'), 'P5'),
  // P6: closed early as purchased elsewhere after the customer called back: exempt.
  lead('P6', t('2026-03-02 12:00')),
  call('P6a', t('2026-03-02 12:05'), 'P6'),
  activity('P6in', t('2026-03-02 13:00'), {
    leadId: 'P6',
    direction: 'inbound',
    from: '+13125559876',
    to: '+13125550100',
  }),
  status('P6x', 'P6', t('2026-03-03 10:00'), 'lost', { reason: 'Purchased elsewhere' }),
  // P7: the same reason without any two-way contact: still premature.
  lead('P7', t('2026-03-01 12:00')),
  call('P7a', t('2026-03-02 09:05'), 'P7', { answeredBy: 'machine', outcome: 'voicemail' }),
  status('P7x', 'P7', t('2026-03-02 15:00'), 'lost', { reason: 'purchased_elsewhere' }),
  // P8: a February lead worked 6 times and closed in March after 32 days: not premature.
  lead('P8', t('2026-02-01 10:00')),
  ...[1, 2, 3, 4, 5, 6].map((d) => call(`P8${d}`, t(`2026-02-0${d} 15:00`), 'P8')),
  status('P8x', 'P8', t('2026-03-05 10:00'), 'inactive'),
];

describe('persistence', () => {
  const r = gradeRecords(records, { asOf });

  it('takes the median of genuine attempts in the first 7 days over eligible leads', () => {
    // Eligible: P1 4, P3 0, P4 1, P6 1, P7 1 (P2 sold within 7 days, P5 too recent).
    expect(n(r, 'persistence.medianAttempts7d')).toBe(5);
    expect(value(r, 'persistence.medianAttempts7d')).toBe(1);
  });

  it('flags closures with too few attempts or days, exempting closures after two-way contact', () => {
    // Closed in March: P1 (premature), P6 (exempt), P7 (premature: no two-way contact), P8 (fine).
    expect(n(r, 'persistence.prematureCloseRate')).toBe(4);
    expect(value(r, 'persistence.prematureCloseRate')).toBe(2 / 4);
    expect(
      r.findings.find((f) => f.leadId === 'P1' && f.metricId === 'persistence.prematureCloseRate')
        ?.message,
    ).toBe(
      'Lead P1: closed as lost 2 days after arrival after 3 genuine attempts (policy: at least 6 attempts and 14 days).',
    );
  });

  it('treats a connected call as two-way contact for an exempt closure', () => {
    const connected = gradeRecords(
      [
        lead('Q', t('2026-03-02 10:00')),
        call('Qa', t('2026-03-02 10:05'), 'Q', { answeredBy: 'human', durationSec: 45 }),
        status('Qx', 'Q', t('2026-03-02 16:00'), 'lost', { reason: 'do not contact' }),
      ],
      { asOf },
    );
    expect(value(connected, 'persistence.prematureCloseRate')).toBe(0);
    // A 20-second answered call is not a connected call (policy: 30 s).
    const short = gradeRecords(
      [
        lead('Q', t('2026-03-02 10:00')),
        call('Qa', t('2026-03-02 10:05'), 'Q', { answeredBy: 'human', durationSec: 20 }),
        status('Qx', 'Q', t('2026-03-02 16:00'), 'lost', { reason: 'do not contact' }),
      ],
      { asOf },
    );
    expect(value(short, 'persistence.prematureCloseRate')).toBe(1);
  });

  it('finds open leads nobody has tried in the last 3 days', () => {
    // Open and old enough: P3 (neglected) and P4 (called on the 29th).
    expect(n(r, 'persistence.neglectedRate')).toBe(2);
    expect(value(r, 'persistence.neglectedRate')).toBe(1 / 2);
  });

  it('counts window leads never contacted at all', () => {
    // Window leads P1–P7; only P3 had no genuine attempt.
    expect(value(r, 'persistence.neverContactedRate')).toBe(1 / 7);
    expect(r.findings.find((f) => f.metricId === 'persistence.neverContactedRate')?.leadId).toBe(
      'P3',
    );
  });
});

describe('contact timing', () => {
  it('measures the share and connect rates of calls near the arrival time of day', () => {
    const r = gradeRecords([
      lead('L', t('2026-03-02 17:30')),
      call('same-day', t('2026-03-02 17:40'), 'L'), // first local day: not counted
      call('in-1', t('2026-03-03 17:00'), 'L', { answeredBy: 'human', durationSec: 60 }), // 30 min off
      call('out-1', t('2026-03-04 10:00'), 'L', { outcome: 'no_answer' }),
      call('out-2', t('2026-03-05 18:45'), 'L', { answeredBy: 'human', durationSec: 90 }), // 75 min off
      call('in-2', t('2026-03-06 16:30'), 'L', { answeredBy: 'machine', outcome: 'voicemail' }), // 60 min off
    ]);
    expect(value(r, 'timing.arrivalWindowShare')).toBe(2 / 4);
    expect(value(r, 'timing.arrivalWindowConnectRate')).toBe(1 / 2);
    expect(value(r, 'timing.otherConnectRate')).toBe(1 / 2);
  });

  it('measures time of day around midnight', () => {
    const r = gradeRecords([
      lead('L', t('2026-03-02 00:20')),
      call('late', t('2026-03-03 23:50'), 'L'), // 30 minutes before the arrival time, the day before
    ]);
    expect(value(r, 'timing.arrivalWindowShare')).toBe(1);
  });
});
