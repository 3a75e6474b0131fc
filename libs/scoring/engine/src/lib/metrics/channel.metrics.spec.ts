import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../policy/default-policy';
import {
  activity,
  call,
  CUSTOMER_PHONE,
  email,
  gradeRecords,
  lead,
  n,
  t,
  task,
  user,
  value,
} from '../testing/evidence-builder';

describe('call verification (one-to-one corroboration)', () => {
  it('lets one real call back only one claim', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 09:50')),
      task('T1', 'A', t('2026-03-02 10:05'), { completedAt: t('2026-03-02 10:00') }),
      activity('K2', t('2026-03-02 10:02'), {
        leadId: 'A',
        evidence: 'claimed',
        comment: 'left message',
      }),
      call('C1', t('2026-03-02 10:01'), 'A'),
    ]);
    // T1 (10:00) takes C1 (1 min away); K2 (10:02) finds C1 used → uncorroborated.
    expect(value(r, 'calls.verificationRate')).toBe(1 / 2);
    expect(n(r, 'calls.verificationRate')).toBe(2);
    expect(r.findings.find((f) => f.metricId === 'calls.verificationRate')?.eventIds).toEqual([
      'K2',
    ]);
  });

  it('takes the nearest unused call, then leaves later claims without one', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 09:40')),
      call('EARLY', t('2026-03-02 09:52'), 'A'),
      task('T1', 'A', t('2026-03-02 10:05'), { completedAt: t('2026-03-02 10:00') }),
      call('LATE', t('2026-03-02 10:07'), 'A'),
      task('T2', 'A', t('2026-03-02 10:20'), { completedAt: t('2026-03-02 10:09') }),
    ]);
    // T1: EARLY is 8 min away, LATE 7 → LATE. T2: LATE used, EARLY 17 min away → none.
    expect(value(r, 'calls.verificationRate')).toBe(1 / 2);
    expect(
      r.findings.filter((f) => f.metricId === 'calls.verificationRate').map((f) => f.eventIds[0]),
    ).toEqual(['T2']);
  });

  it('does not let an e-mail back a call claim', () => {
    const records = [
      lead('A', t('2026-03-02 09:50')),
      task('T1', 'A', t('2026-03-02 10:05'), { completedAt: t('2026-03-02 10:00') }),
      email('E1', t('2026-03-02 10:01'), 'A'),
    ];
    // Without any phone-system record the store is not blamed: no value, and coverage says why.
    const noPhones = gradeRecords(records);
    expect(value(noPhones, 'calls.verificationRate')).toBeNull();
    expect(noPhones.coverage.missingSources['calls.verificationRate']).toEqual(['telephony']);
    // With a phone system connected (a call on another lead), the claim is simply unverified.
    const r = gradeRecords([
      ...records,
      lead('B', t('2026-03-03 10:00')),
      call('CB', t('2026-03-03 10:03'), 'B'),
    ]);
    expect(value(r, 'calls.verificationRate')).toBe(0);
  });

  it('counts only claims made in the window', () => {
    const r = gradeRecords([
      lead('OLD', t('2026-02-27 10:00')),
      task('TOLD', 'OLD', t('2026-02-28 10:00'), { completedAt: t('2026-02-28 10:00') }),
      lead('A', t('2026-03-02 10:00')),
      task('T1', 'A', t('2026-03-02 10:15'), { completedAt: t('2026-03-02 10:10') }),
      call('C1', t('2026-03-02 10:12'), 'A'),
    ]);
    expect(n(r, 'calls.verificationRate')).toBe(1);
    expect(value(r, 'calls.verificationRate')).toBe(1);
  });
});

describe('tasks.uncorroboratedRate', () => {
  it('counts completed call/email/text tasks without a genuine attempt behind them', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      task('TC', 'A', t('2026-03-02 10:15'), { completedAt: t('2026-03-02 10:05') }),
      call('C1', t('2026-03-02 10:06'), 'A'),
      task('TE', 'A', t('2026-03-02 11:00'), {
        taskType: 'email',
        completedAt: t('2026-03-02 10:30'),
      }),
      // An appointment task is not a contact claim.
      task('TA', 'A', t('2026-03-02 12:00'), {
        taskType: 'appointment',
        completedAt: t('2026-03-02 11:00'),
      }),
    ]);
    expect(value(r, 'tasks.uncorroboratedRate')).toBe(1 / 2);
    expect(r.findings.find((f) => f.metricId === 'tasks.uncorroboratedRate')?.eventIds).toEqual([
      'TE',
    ]);
  });
});

describe('calls.offSystemRate', () => {
  it("counts recorded calls placed from numbers that are not the store's lines", () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      call('C1', t('2026-03-02 10:05'), 'A'),
      call('C2', t('2026-03-02 11:05'), 'A', { from: '(312) 555-0101' }),
      call('CELL', t('2026-03-02 12:05'), 'A', { from: '+1 773 555 0199' }),
      // No from-number: cannot be judged.
      call('C4', t('2026-03-02 13:05'), 'A', { from: null }),
    ]);
    expect(value(r, 'calls.offSystemRate')).toBe(1 / 3);
    expect(r.findings.find((f) => f.metricId === 'calls.offSystemRate')).toMatchObject({
      eventIds: ['CELL'],
      message: expect.stringContaining('+17735550199'),
    });
  });

  it('attributes a cell-phone call to the agent who owns the number', () => {
    const r = gradeRecords([
      user('u-sam', 'Sam Ortiz', { phoneNumbers: ['+17735550199'] }),
      lead('A', t('2026-03-02 10:00'), { assignedTo: 'u-sam' }),
      call('CELL', t('2026-03-02 10:05'), 'A', { from: '+17735550199', userId: null }),
    ]);
    const sam = r.agents.find((a) => a.userId === 'u-sam')!;
    expect(sam.metrics['calls.offSystemRate'].value).toBe(1);
  });
});

describe('email.personalDomainRate', () => {
  it('counts customer e-mails sent from domains that are not the store’s, naming free mail', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      email('E1', t('2026-03-02 10:05'), 'A'),
      email('E2', t('2026-03-02 10:06'), 'A', { from: 'Dana <dana.reyes77@gmail.com>' }),
      // Claimed e-mails count too ("any evidence").
      email('E3', t('2026-03-02 10:07'), 'A', {
        evidence: 'claimed',
        from: 'dana@mail.smithtoyota.com',
      }),
      // Automated mail is not a person's choice of address.
      email('E4', t('2026-03-02 10:01'), 'A', {
        automated: true,
        from: 'noreply@leadvendor.example',
      }),
    ]);
    expect(value(r, 'email.personalDomainRate')).toBe(1 / 3);
    expect(r.findings.find((f) => f.metricId === 'email.personalDomainRate')).toMatchObject({
      severity: 'high',
      eventIds: ['E2'],
      message: expect.stringContaining('gmail.com (free personal mail)'),
    });
  });

  it('reports one behaviour on one lead once, with every e-mail behind it', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      email('E1', t('2026-03-02 10:05'), 'A', { from: 'dana.reyes77@gmail.com' }),
      email('E2', t('2026-03-03 10:05'), 'A', { from: 'dana.reyes77@gmail.com' }),
      email('E3', t('2026-03-04 10:05'), 'A', { from: 'dana@yahoo.com' }),
    ]);
    expect(value(r, 'email.personalDomainRate')).toBe(1);
    expect(
      r.findings
        .filter((f) => f.metricId === 'email.personalDomainRate')
        .map((f) => [f.eventIds, f.message]),
    ).toEqual([
      [
        ['E1', 'E2'],
        'Lead A: 2 customer e-mails sent from gmail.com (free personal mail), not a store domain; the store loses the conversation.',
      ],
      [
        ['E3'],
        'Lead A: customer e-mail sent from yahoo.com (free personal mail), not a store domain; the store loses the conversation.',
      ],
    ]);
  });

  it('links an e-mail without a lead id to the lead by the customer address', () => {
    const r = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      email('E1', t('2026-03-02 10:05'), 'A', { leadId: null, to: 'PAT@Example.org' }),
    ]);
    expect(value(r, 'response.trueMedianMin')).toBe(5);
  });
});

describe('voicemail.recognizableRate', () => {
  const vm = (id: string, at: number, transcript: string | null) =>
    call(id, at, 'A', {
      answeredBy: 'machine',
      outcome: 'voicemail',
      transcript,
      to: CUSTOMER_PHONE,
    });

  it('requires the agent and the store to be named, ignoring case and punctuation', () => {
    const records = [
      lead('A', t('2026-03-02 10:00')),
      vm(
        'V1',
        t('2026-03-02 10:05'),
        'Hi Pat, this is DANA at Smith-Toyota; call me at 312 555 0100',
      ),
      vm(
        'V2',
        t('2026-03-02 11:05'),
        'Hey, just calling about the car you asked about, call me back',
      ),
      vm('V3', t('2026-03-02 12:05'), 'Dana Reyes here, give me a call'),
      vm('V4', t('2026-03-02 13:05'), null),
    ];
    const r = gradeRecords(records);
    // V4 has no transcript and is not judged; V1 of V1–V3 is recognizable.
    expect(value(r, 'voicemail.recognizableRate')).toBe(1 / 3);
    expect(
      r.findings.filter((f) => f.metricId === 'voicemail.recognizableRate').map((f) => f.message),
    ).toEqual([
      "Lead A: voicemail does not say the caller's name or the store.",
      'Lead A: voicemail does not say the store.',
    ]);
    // "Smith" alone is an alias of the store.
    const alias = gradeRecords([
      lead('A', t('2026-03-02 10:00')),
      vm('V1', t('2026-03-02 10:05'), 'Dana from Smith'),
    ]);
    expect(value(alias, 'voicemail.recognizableRate')).toBe(1);
  });

  it('also requires a callback number when the policy says so', () => {
    const policy = { ...DEFAULT_POLICY, voicemailRequiresCallback: true };
    const r = gradeRecords(
      [
        lead('A', t('2026-03-02 10:00')),
        vm('V1', t('2026-03-02 10:05'), 'This is Dana at Smith Toyota, call 555-0100'),
        vm('V2', t('2026-03-02 11:05'), 'This is Dana at Smith Toyota, call me back'),
      ],
      { policy },
    );
    expect(value(r, 'voicemail.recognizableRate')).toBe(1 / 2);
  });
});
