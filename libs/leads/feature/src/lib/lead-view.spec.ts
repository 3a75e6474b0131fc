import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoreEvidence } from '@candor/evidence-domain';
import { readBundleByStore } from '@candor/evidence-reader';
import { DEFAULT_POLICY } from '@candor/scoring';
import { buildLeadViews } from './lead-view';

const FIXTURE = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'hand-written.jsonl',
);
const STORE = '3f1c1f8e-6a39-4c1e-9c55-3f9d2d9f0a11';
// As test/cli/grade.e2e-spec.ts judges the fixture.
const AS_OF = Date.parse('2026-03-16T12:00:00-05:00');

describe('buildLeadViews (the hand-written fixture)', () => {
  let evidence: StoreEvidence;
  const view = (id: string) =>
    buildLeadViews({ evidence, sourceOf: () => 'bundle' }, STORE, [id], DEFAULT_POLICY, AS_OF).get(
      id,
    )!;

  beforeAll(async () => {
    evidence = (await readBundleByStore(FIXTURE)).stores.get('smith-toyota')!;
  });

  it("shows L1's 'sc' task as the uncorroborated claim that stopped the clock", () => {
    const l1 = view('L1');
    expect(l1).toMatchObject({
      externalId: 'L1',
      provider: 'cars.com',
      clockStopped: true,
      trueResponseMin: 41,
      crmResponseMin: 2,
      genuineAttempts: 2,
      sold: true,
      status: 'sold',
    });
    expect(l1.assignedAgent).toMatchObject({ crmUserId: 'u-dana', name: 'Dana Reyes' });
    const task = l1.timeline.find((e) => e.eventId === 'T1')!;
    expect(task.claim).toEqual({
      status: 'uncorroborated',
      channel: 'call',
      backedBy: null,
      backedByGapMin: null,
      stopsClock: true,
      gapMin: 39,
      comment: 'sc',
      fillerComment: true,
    });
    expect(task.summary).toBe(
      'Call task completed by Dana Reyes: "sc"; no recorded call within 10 min; ' +
        'stopped the clock, first genuine attempt C1 39 business min later',
    );
    // The voicemail 41 minutes in is a genuine attempt that backs nothing.
    expect(l1.timeline.find((e) => e.eventId === 'C1')!.attempt).toEqual({
      channel: 'call',
      connected: false,
      corroborates: null,
    });
  });

  it('names the call that backs a corroborated claim, and the claim it backs', () => {
    const l2 = view('L2');
    const task = l2.timeline.find((e) => e.eventId === 'T2')!;
    expect(task.claim).toMatchObject({
      status: 'corroborated',
      backedBy: 'C2',
      backedByGapMin: 1,
      stopsClock: false,
      gapMin: null,
    });
    expect(l2.timeline.find((e) => e.eventId === 'C2')!.attempt).toEqual({
      channel: 'call',
      connected: true,
      corroborates: 'T2',
    });
    expect(l2.clockStopped).toBe(false);
  });

  it('says when an appointment is in store time', () => {
    const a1 = view('L1').timeline.find((e) => e.eventId === 'A1')!;
    expect(a1.summary).toBe('Appointment set by Dana Reyes for Thu, Mar 5, 17:30 (shown)');
  });

  it('lists every record in time order', () => {
    expect(view('L1').timeline.map((e) => [e.eventId, e.kind])).toEqual([
      ['L1', 'lead'],
      ['T1', 'task'],
      ['C1', 'activity'],
      ['E1', 'activity'],
      ['N1', 'note'],
      ['A1', 'appointment'],
      ['S1', 'status'],
      ['D1', 'sale'],
    ]);
  });

  it('shows activities linked by phone and e-mail, with the performer found by number', () => {
    const l4 = view('L4');
    const linked = l4.timeline
      .filter((e) => e.kind === 'activity')
      .map((e) => [e.eventId, e.activity!.linkedBy, e.actor?.crmUserId]);
    expect(linked).toEqual([
      ['E4', 'email', 'u-sam'],
      // C4 names no user: the engine knows Sam by the number it came from.
      ['C4', 'phone', 'u-sam'],
    ]);
    expect(l4.status).toBe('lost');
  });

  it('marks a claimed CRM call log (not a task) as a claim too', () => {
    const k5 = view('L5').timeline.find((e) => e.eventId === 'K5')!;
    expect(k5.claim).toMatchObject({ status: 'uncorroborated', stopsClock: true, comment: 'lm' });
    expect(k5.attempt).toBeNull();
  });

  it('judges nothing after asOf', () => {
    const early = buildLeadViews(
      { evidence, sourceOf: () => 'bundle' },
      STORE,
      ['L1'],
      DEFAULT_POLICY,
      Date.parse('2026-03-02T09:30:00-06:00'),
    ).get('L1')!;
    expect(early.timeline.map((e) => e.eventId)).toEqual(['L1', 'T1']);
    expect(early.genuineAttempts).toBe(0);
    expect(early.trueResponseMin).toBeNull();
  });
});
