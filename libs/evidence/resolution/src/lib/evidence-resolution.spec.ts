import { describe, expect, it } from 'vitest';
import type { ActivityRecord, LeadRecord } from '@candor/evidence-domain';
import { resolveActivities } from './evidence-resolution';
import type { PersonIdentity } from './identity-directory';

const T0 = Date.parse('2026-03-02T15:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const MAIN_LINE = '+13125550100';
const PAT = '+13125559876';

function lead(
  id: string,
  receivedAt: number,
  name: string | null,
  phones = [PAT],
  emails: string[] = [],
): LeadRecord {
  return {
    type: 'lead',
    id,
    line: 0,
    raw: null,
    storeId: 's',
    receivedAt,
    requestedAt: null,
    source: null,
    kind: 'internet',
    assignedTo: null,
    customer: { name, emails, phones },
    vehicle: null,
    comments: null,
  };
}

function activity(id: string, fields: Partial<ActivityRecord>): ActivityRecord {
  return {
    type: 'activity',
    id,
    line: 0,
    raw: null,
    storeId: 's',
    leadId: null,
    channel: 'call',
    direction: 'outbound',
    evidence: 'recorded',
    at: T0,
    userId: null,
    from: MAIN_LINE,
    to: PAT,
    durationSec: 30,
    answeredBy: null,
    outcome: null,
    transcript: null,
    subject: null,
    automated: false,
    comment: null,
    ...fields,
  };
}

const DANA: PersonIdentity = {
  userId: 'dana',
  crmUserIds: [
    { source: 'elead', id: '1017' },
    { source: 'vinsolutions', id: 'VS-88' },
  ],
  phoneNumbers: ['(312) 555-0117'],
  extensions: ['117'],
  emails: ['Dana@SmithToyota.com'],
};
const SAM: PersonIdentity = {
  userId: 'sam',
  crmUserIds: [{ source: 'vinsolutions', id: '1017' }],
  phoneNumbers: ['+13125550122'],
  extensions: ['122'],
  emails: ['sam@smithtoyota.com'],
};

const run = (
  leads: LeadRecord[],
  activities: ActivityRecord[],
  people = [DANA, SAM],
  sourceOf?: (a: ActivityRecord) => string | null,
) => resolveActivities({ leads, activities }, people, sourceOf ? { sourceOf } : {});

describe('who did an activity', () => {
  it("attributes an outbound call from an agent's own cell, whatever its format", () => {
    const { activities, report } = run([], [activity('c1', { from: '312.555.0117' })]);
    expect(activities[0]!.userId).toBe('dana');
    expect(report.counts.usersResolved).toBe(1);
  });

  it('uses the extension on the shared main line, not the main line itself', () => {
    const { activities } = run(
      [],
      [
        activity('c1', { from: `${MAIN_LINE} ext. 122` }),
        activity('c2', { from: '117', direction: 'outbound' }),
        activity('c3', { direction: 'inbound', from: PAT, to: `${MAIN_LINE} x117` }),
        activity('c4', { from: MAIN_LINE }),
      ],
    );
    expect(activities.map((a) => a.userId)).toEqual(['sam', 'dana', 'dana', null]);
  });

  it("attributes an e-mail sent from an agent's address (display form, any case)", () => {
    const { activities } = run(
      [],
      [
        activity('e1', {
          channel: 'email',
          from: 'Dana Reyes <DANA@smithtoyota.com>',
          to: 'pat@example.org',
        }),
        activity('e2', { channel: 'email', from: 'dana.reyes77@gmail.com', to: 'pat@example.org' }),
      ],
    );
    expect(activities[0]!.userId).toBe('dana');
    expect(activities[1]!.userId).toBeNull();
  });

  it("translates a CRM's user id, reading the source when it is known", () => {
    const fromSource = (a: ActivityRecord) => (a.id.startsWith('vs') ? 'vinsolutions' : 'elead');
    const { activities } = run(
      [],
      [
        activity('el-1', { userId: '1017' }),
        activity('vs-1', { userId: '1017' }),
        activity('vs-2', { userId: 'VS-88' }),
      ],
      [DANA, SAM],
      fromSource,
    );
    expect(activities.map((a) => a.userId)).toEqual(['dana', 'sam', 'dana']);
  });

  it('reports a CRM id that two people hold in different sources as ambiguous when the source is unknown', () => {
    const { activities, report } = run([], [activity('x', { userId: '1017' })]);
    expect(activities[0]!.userId).toBe('1017');
    expect(report.ambiguousUsers).toEqual([
      { activityId: 'x', by: 'crmUser', value: '1017', candidates: ['dana', 'sam'] },
    ]);
    expect(report.identityConflicts).toEqual([]);
  });

  it('reports a number listed for two agents and never guesses who used it', () => {
    const shared = { userId: 'lee', phoneNumbers: ['+1 312 555 0117'] };
    const { activities, report } = run(
      [],
      [activity('c1', { from: '+13125550117' })],
      [DANA, SAM, shared],
    );
    expect(activities[0]!.userId).toBeNull();
    expect(report.identityConflicts).toEqual([
      { kind: 'phone', value: '+13125550117', userIds: ['dana', 'lee'] },
    ]);
    expect(report.ambiguousUsers).toEqual([
      { activityId: 'c1', by: 'phone', value: '+13125550117', candidates: ['dana', 'lee'] },
    ]);
    expect(report.counts.usersAmbiguous).toBe(1);
  });

  it('keeps a user id that is already a Candor user', () => {
    const { activities, report } = run(
      [],
      [activity('c1', { userId: 'sam', from: '+13125550117' })],
    );
    expect(activities[0]!.userId).toBe('sam');
    expect(report.counts.usersAlreadyKnown).toBe(1);
  });
});

describe('which lead an activity belongs to (the time rule)', () => {
  it('links to the lead of the same customer received before the activity', () => {
    const { activities, report } = run(
      [lead('L1', T0 - 30 * MIN, 'Pat Example')],
      [activity('c1', {})],
    );
    expect(activities[0]!.leadId).toBe('L1');
    expect(report.counts.leadsLinked).toBe(1);
  });

  it('matches the customer by normalized phone or e-mail', () => {
    const leads = [lead('L1', T0 - MIN, 'Pat', ['(312) 555-9876'], ['Pat@Example.org'])];
    const { activities } = run(leads, [
      activity('c1', { to: '312-555-9876' }),
      activity('e1', {
        channel: 'email',
        direction: 'inbound',
        from: 'PAT@example.org',
        to: 'dana@smithtoyota.com',
      }),
    ]);
    expect(activities.map((a) => a.leadId)).toEqual(['L1', 'L1']);
  });

  it('accepts a lead logged up to 5 minutes after the call, not 6', () => {
    const { activities } = run([lead('L1', T0 + 5 * MIN, 'Pat')], [activity('c1', {})]);
    expect(activities[0]!.leadId).toBe('L1');
    const late = run([lead('L1', T0 + 6 * MIN, 'Pat')], [activity('c1', {})]);
    expect(late.activities[0]!.leadId).toBeNull();
    expect(late.report.counts.leadsUnmatched).toBe(1);
  });

  it('looks back 90 days and no further', () => {
    expect(
      run([lead('L1', T0 - 90 * DAY, 'Pat')], [activity('c1', {})]).activities[0]!.leadId,
    ).toBe('L1');
    expect(
      run([lead('L1', T0 - 91 * DAY, 'Pat')], [activity('c1', {})]).activities[0]!.leadId,
    ).toBeNull();
  });

  it("gives a repeat shopper's call to the newest lead", () => {
    const leads = [
      lead('L2', T0 - 2 * DAY, 'Pat Example'),
      lead('L1', T0 - 20 * DAY, 'pat  example'),
    ];
    const { activities, report } = run(leads, [activity('c1', {})]);
    expect(activities[0]!.leadId).toBe('L2');
    expect(report.ambiguousLeads).toEqual([]);
  });

  it('reports two different customers sharing a phone as ambiguous and links neither', () => {
    const leads = [lead('L1', T0 - 3 * DAY, 'Pat Example'), lead('L2', T0 - DAY, 'Chris Example')];
    const { activities, report } = run(leads, [activity('c1', {})]);
    expect(activities[0]!.leadId).toBeNull();
    expect(report.ambiguousLeads).toEqual([
      { activityId: 'c1', contact: PAT, candidates: ['L1', 'L2'], reason: 'different_customers' },
    ]);
    expect(report.counts.leadsAmbiguous).toBe(1);
  });

  it('reports two leads received within the grace of each other as ambiguous', () => {
    const leads = [lead('L1', T0 - 10 * MIN, 'Pat'), lead('L2', T0 - 7 * MIN, 'Pat')];
    const { activities, report } = run(leads, [activity('c1', {})]);
    expect(activities[0]!.leadId).toBeNull();
    expect(report.ambiguousLeads[0]).toMatchObject({
      candidates: ['L1', 'L2'],
      reason: 'within_grace',
    });
  });

  it('keeps a lead id the source gave, and counts activities with no customer address', () => {
    const { activities, report } = run(
      [lead('L1', T0 - MIN, 'Pat')],
      [activity('c1', { leadId: 'L9' }), activity('c2', { to: null })],
    );
    expect(activities.map((a) => a.leadId)).toEqual(['L9', null]);
    expect(report.counts).toMatchObject({ leadsAlreadySet: 1, leadsUnmatched: 1 });
  });
});

describe('resolution as a whole', () => {
  it('never modifies its input and gives the same answer for any lead order', () => {
    const leads = [
      lead('L1', T0 - 3 * DAY, 'Pat'),
      lead('L2', T0 - DAY, 'Pat'),
      lead('L3', T0 - 2 * DAY, 'Sky', ['+13125550000']),
    ];
    const acts = [
      activity('c1', { from: '+13125550117' }),
      activity('c2', { to: '+13125550000', at: T0 + DAY }),
    ];
    const frozen = JSON.stringify({ leads, acts });
    const one = run(leads, acts);
    const two = run([...leads].reverse(), acts);
    expect(JSON.stringify({ leads, acts })).toBe(frozen);
    expect(two).toEqual(one);
    expect(one.activities.map((a) => [a.userId, a.leadId])).toEqual([
      ['dana', 'L2'],
      [null, 'L3'],
    ]);
  });
});
