import { describe, expect, it } from 'vitest';
import type { Habit } from './agent-habits';
import type { LeadFacts } from './demo-sample.fixture';
import {
  DAYS,
  MINUTES,
  demoSample,
  firstWorkableMoment,
  isGenuine,
  median,
  share,
} from './demo-sample.fixture';

/** scoring.md's default filler patterns. */
const FILLER = new Set(['sc', 's/c', 's.c.', 'stop clock', 'stopped clock', '.', '..', 'x', '-']);
const PERSONAL_WORDS = /daughter|son's|birthday|vacation|dog|new job|moving|fishing|softball/i;

interface Tally {
  hits: number;
  total: number;
}

/** What a consultant would read off one agent's raw evidence, habit by habit. */
interface AgentReading {
  habit: Habit;
  /** Leads whose first call task was ticked ≤ 3 min after the lead was workable, with filler, and no call for ≥ 10 min. */
  clockStops: Tally;
  firstAttemptMin: number[];
  personalEmails: Tally;
  offSystemCalls: Tally;
  recognizableVoicemails: Tally;
  /** Leads without an appointment closed within 6 days after at most 3 genuine attempts. */
  quickCloses: Tally;
  /** Closures with fewer than 6 attempts or under 14 days (bought-elsewhere exempt). */
  prematureCloses: Tally;
  callTasksDone: Tally;
  messageTasksDone: Tally;
  substantiveNotes: Tally;
  personalNotes: Tally;
}

function tally(): Tally {
  return { hits: 0, total: 0 };
}

function count(t: Tally, hit: boolean): void {
  t.total++;
  if (hit) t.hits++;
}

const rate = (t: Tally): number => share(t.hits, t.total);

function readAgents(): Map<string, AgentReading> {
  const sample = demoSample();
  const { to } = sample.manifest.window;
  const readings = new Map<string, AgentReading>();
  for (const agent of sample.manifest.agents) {
    readings.set(agent.userId, {
      habit: agent.habit,
      clockStops: tally(),
      firstAttemptMin: [],
      personalEmails: tally(),
      offSystemCalls: tally(),
      recognizableVoicemails: tally(),
      quickCloses: tally(),
      prematureCloses: tally(),
      callTasksDone: tally(),
      messageTasksDone: tally(),
      substantiveNotes: tally(),
      personalNotes: tally(),
    });
  }
  const firstNames = new Map(sample.users.map((u) => [u.id, u.name.split(' ')[0] ?? '']));
  for (const facts of sample.leads) {
    const reading = readings.get(facts.lead.assignedTo ?? '');
    if (reading) readLead(reading, facts, to, firstNames);
  }
  return readings;
}

function readLead(r: AgentReading, f: LeadFacts, to: number, firstNames: Map<string, string>) {
  const { lead, store } = f;
  const genuine = f.activities.filter(isGenuine).sort((a, b) => a.at - b.at);
  const firstCall = genuine.find((a) => a.channel === 'call');
  const workable = firstWorkableMoment(store, lead.receivedAt);
  // The cadence's first call task: the only call task the CRM creates the moment a lead arrives.
  const firstTask = f.tasks.find((t) => t.taskType === 'call' && t.createdAt === lead.receivedAt);
  if (firstTask) {
    const done = firstTask.completedAt;
    count(
      r.clockStops,
      done !== null &&
        done - workable <= 3 * MINUTES &&
        FILLER.has((firstTask.comment ?? '').trim().toLowerCase()) &&
        (!firstCall || firstCall.at - done >= 10 * MINUTES),
    );
  }
  const first = genuine[0];
  if (first && workable === lead.receivedAt) {
    r.firstAttemptMin.push((first.at - lead.receivedAt) / MINUTES);
  }
  for (const a of genuine) {
    if (a.channel === 'email') {
      count(r.personalEmails, !store.emailDomains.some((d) => a.from?.endsWith(`@${d}`)));
    }
    if (a.channel === 'call') count(r.offSystemCalls, !store.phoneNumbers.includes(a.from ?? ''));
    if (a.channel === 'call' && a.transcript) {
      const said = a.transcript.toLowerCase();
      const agent = (firstNames.get(a.userId ?? '') ?? '?').toLowerCase();
      const names = store.names.some((n) => said.includes(n.toLowerCase()));
      count(r.recognizableVoicemails, said.includes(agent) && names);
    }
  }
  const closed = f.statuses.find((s) => s.status === 'lost' || s.status === 'inactive');
  if (closed && closed.reason !== 'purchased_elsewhere') {
    const attempts = genuine.filter((a) => a.at <= closed.at).length;
    const days = (closed.at - lead.receivedAt) / DAYS;
    count(r.prematureCloses, attempts < 6 || days < 14);
    if (f.appointments.length === 0) count(r.quickCloses, days <= 6 && attempts <= 3);
  }
  for (const task of f.tasks) {
    if (task.dueAt >= to || task.dismissedAt !== null) continue;
    if (task.taskType === 'call') count(r.callTasksDone, task.completedAt !== null);
    if (task.taskType === 'email' || task.taskType === 'text') {
      count(r.messageTasksDone, task.completedAt !== null);
    }
  }
  count(
    r.substantiveNotes,
    f.notes.some((n) => n.text.length >= 40),
  );
  count(
    r.personalNotes,
    f.notes.some((n) => PERSONAL_WORDS.test(n.text)),
  );
}

const readings = [...readAgents().values()];
const withHabit = (habit: Habit) => readings.filter((r) => r.habit === habit);
const others = (habit: Habit) => readings.filter((r) => r.habit !== habit);

describe('planted habits, as they show in the raw evidence', () => {
  it('the clock stopper ticks the first call task within 3 minutes with filler, and the real call comes 10+ minutes later', () => {
    for (const r of withHabit('clock_stopper')) {
      expect(rate(r.clockStops)).toBeGreaterThanOrEqual(0.6);
      expect(median(r.firstAttemptMin)).toBeGreaterThanOrEqual(15);
    }
    for (const r of others('clock_stopper')) expect(rate(r.clockStops)).toBeLessThanOrEqual(0.05);
  });

  it('the personal-mail agent sends most customer e-mails from a free-mail address; nobody else does', () => {
    for (const r of withHabit('personal_email')) {
      expect(rate(r.personalEmails)).toBeGreaterThanOrEqual(0.6);
    }
    for (const r of withHabit('diligent')) expect(r.personalEmails.hits).toBe(0);
    for (const r of others('personal_email')) {
      expect(rate(r.personalEmails)).toBeLessThanOrEqual(0.1);
    }
  });

  it('the cell-phone agent places most recorded calls from a number that is not a store line', () => {
    for (const r of withHabit('cell_phone')) {
      expect(rate(r.offSystemCalls)).toBeGreaterThanOrEqual(0.6);
    }
    for (const r of withHabit('diligent')) expect(r.offSystemCalls.hits).toBe(0);
    for (const r of others('cell_phone')) expect(rate(r.offSystemCalls)).toBeLessThanOrEqual(0.1);
  });

  it('the vague voicemail agent rarely says who is calling or from where; diligent agents always do', () => {
    for (const r of withHabit('vague_voicemail')) {
      expect(r.recognizableVoicemails.total).toBeGreaterThan(30);
      expect(rate(r.recognizableVoicemails)).toBeLessThanOrEqual(0.25);
    }
    for (const r of withHabit('diligent')) {
      expect(rate(r.recognizableVoicemails)).toBeGreaterThanOrEqual(0.9);
    }
    for (const r of others('vague_voicemail')) {
      expect(rate(r.recognizableVoicemails)).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('the lead flipper marks leads lost within days after a few attempts; diligent agents persist', () => {
    for (const r of withHabit('lead_flipper')) {
      expect(rate(r.quickCloses)).toBeGreaterThanOrEqual(0.7);
      expect(rate(r.prematureCloses)).toBeGreaterThanOrEqual(0.9);
    }
    for (const r of others('lead_flipper')) expect(rate(r.quickCloses)).toBeLessThanOrEqual(0.05);
    for (const r of withHabit('diligent')) {
      expect(r.prematureCloses.total).toBeGreaterThan(10);
      expect(rate(r.prematureCloses)).toBeLessThanOrEqual(0.1);
    }
  });

  it('the cherry picker completes e-mail and text tasks but leaves most call tasks open', () => {
    for (const r of withHabit('cherry_picker')) {
      expect(rate(r.callTasksDone)).toBeLessThanOrEqual(0.4);
      expect(rate(r.messageTasksDone)).toBeGreaterThanOrEqual(0.85);
    }
    for (const r of others('cherry_picker')) {
      expect(rate(r.messageTasksDone) - rate(r.callTasksDone)).toBeLessThanOrEqual(0.2);
    }
  });

  it('diligent agents call within minutes and write notes worth reading', () => {
    for (const r of withHabit('diligent')) {
      expect(median(r.firstAttemptMin)).toBeLessThanOrEqual(10);
      expect(rate(r.substantiveNotes)).toBeGreaterThanOrEqual(0.8);
      expect(rate(r.personalNotes)).toBeGreaterThanOrEqual(0.25);
      expect(rate(r.callTasksDone)).toBeGreaterThanOrEqual(0.9);
      expect(rate(r.messageTasksDone)).toBeGreaterThanOrEqual(0.9);
    }
  });
});
