import type { LeadStatus, TaskRecord } from '@candor/evidence-domain';
import type { AppointmentOutcome } from './appointment-story';
import { runAppointment } from './appointment-story';
import type { CadenceStep } from './cadence';
import { cadencePlan } from './cadence';
import { converse, drip } from './conversation';
import { keepWarm } from './keep-warm';
import { noteConversation, noteFirstDay } from './lead-notes';
import type { LeadPlan } from './lead-plan';
import { FUNNEL, planLead } from './lead-plan';
import type { LeadTouches } from './lead-touches';
import { callEnd } from './lead-touches';
import { DAY, minutes } from './store-clock';
import {
  CHECKBOX_COMMENTS,
  CLOCK_STOP_COMMENTS,
  LOST_REASONS_AFTER_TALK,
  autoResponseSubject,
  firstEmailSubject,
  followUpSubject,
  taskComment,
} from './story-texts';

type Channel = 'call' | 'email' | 'text';

/** Minutes past closing an agent stays to finish a lead that came in at the end of the day. */
const FINISHING_MIN = 15;

/**
 * One lead from arrival to sale or closure. The store's cadence runs until the lead is sold or
 * closed (the CRM creates each step's task on its day); the agent works the steps (or does not)
 * in business hours; a reachable shopper answers a call, replies, or reaches out; a conversation
 * may become an appointment (see appointment-story) while the cadence goes on.
 */
export class LeadStory {
  private readonly plan: LeadPlan;
  private talkedAt: number | null = null;
  /** When an appointment was set (+∞ until then): the CRM takes the lead out of its drip. */
  private appointmentAt = Number.POSITIVE_INFINITY;
  /** When the lead was sold or closed (+∞ while open): nothing is worked after it. */
  private endedAt = Number.POSITIVE_INFINITY;
  /** When the lead flipper marks the lead lost (+∞ for everyone else); moved by an appointment. */
  private flipAt: number;
  /** The latest follow-up or conversation planned: an honest closure comes after it. */
  private busyUntil: number;
  private noted = false;
  /** When the agent first worked the lead: later day-0 work follows it. */
  private firstWorkAt: number | null = null;

  constructor(private readonly t: LeadTouches) {
    const { rng, store, agent, lead } = t;
    this.plan = planLead(rng, store.clock, agent.profile, lead.record.receivedAt);
    this.flipAt = this.plan.flipAt ?? Number.POSITIVE_INFINITY;
    this.busyUntil = lead.record.receivedAt;
  }

  tell(): void {
    this.run();
    drip(this.t, Math.min(this.appointmentAt, this.endedAt));
    keepWarm(this.t, this.endedAt);
  }

  private run(): void {
    const { t } = this;
    const { rng } = t;
    const received = t.lead.record.receivedAt;
    t.status(received, 'active', null);
    if (t.lead.email && rng.chance(0.9)) {
      t.autoResponse(received + rng.int(15, 120) * 1000, autoResponseSubject(t.text));
    }
    if (t.lead.phone && rng.chance(0.5)) t.autoText(received + rng.int(10, 90) * 1000);
    const steps = cadencePlan(t);
    if (t.lead.record.kind === 'phone') {
      const duration = rng.int(120, 600);
      t.inbound('call', received, duration);
      this.talk(received + duration * 1000, 'call');
    }
    let lastWork = received;
    for (const [i, step] of steps.entries()) {
      if (!step) continue;
      this.letShopperReachOut(Math.min(step.createdAt, this.flipAt));
      // Sold or closed before the nightly run: the CRM never creates the step's task.
      if (step.createdAt >= Math.min(this.endedAt, this.flipAt)) break;
      const task = t.task(step.channel, step.createdAt, step.dueAt);
      const when = this.workTime(i, step);
      this.letShopperReachOut(Math.min(when, this.flipAt));
      if (when >= this.endedAt) {
        t.dismiss(task, this.endedAt);
        break;
      }
      // The flipper's "lost" comes first; closing the lead dismisses what is left.
      if (when >= this.flipAt) break;
      lastWork = when;
      // The flipper stops trying after a few attempts and leaves the rest of the tasks open.
      if (t.genuineAttempts >= this.plan.flipAttempts) continue;
      if (i === 0) this.firstCall(task, when);
      else this.work(task, when, i === 1);
      if (i === 1 && !this.noted && this.talkedAt === null) this.noted = noteFirstDay(t, when);
    }
    // A sale is known when the appointment is set; the CRM drops what is still open at it.
    if (this.ended) t.dismissOpenTasks(this.endedAt, false);
    this.letShopperReachOut(this.flipAt);
    this.closeUnsold(lastWork);
  }

  private workTime(index: number, step: CadenceStep): number {
    const { rng, store, agent } = this.t;
    const received = this.t.lead.record.receivedAt;
    const profile = agent.profile;
    if (index === 0) {
      const [lo, hi] = rng.chance(profile.lateFirstCallShare)
        ? profile.lateFirstCallMin
        : profile.firstCallMin;
      const delay = rng.between(lo, hi);
      const at = received + minutes(delay);
      // A lead that arrives just before closing still gets its call: agents finish the lead.
      return store.clock.isOpen(received) && store.clock.isOpen(at, FINISHING_MIN)
        ? at
        : store.clock.addBusinessMinutes(received, delay);
    }
    if (index === 1) {
      const anchor =
        this.firstWorkAt ?? store.clock.addBusinessMinutes(received, rng.between(2, 12));
      const at = anchor + minutes(rng.between(2, 8));
      return store.clock.isOpen(at, FINISHING_MIN) ? at : store.clock.nextOpen(at);
    }
    const [lo, hi] = profile.followUpDelayMin;
    return store.clock.nextOpen(step.plannedAt + minutes(rng.between(lo, hi)));
  }

  /** The first call task: worked for real, skipped, or ticked off at once to stop the clock. */
  private firstCall(task: TaskRecord, when: number): void {
    const { rng, store, agent } = this.t;
    const profile = agent.profile;
    if (task.taskType !== 'call' || !rng.chance(profile.clockStopShare)) {
      this.work(task, when, true);
      return;
    }
    const seen = store.clock.nextOpen(this.t.lead.record.receivedAt);
    const stoppedAt = seen + rng.int(60, 180) * 1000;
    this.t.complete(task, stoppedAt, rng.pick(CLOCK_STOP_COMMENTS));
    const [lo, hi] = profile.callAfterStopMin;
    // Wall-clock minutes: the agent comes back to the lead once the clock is safely stopped.
    const backAt = store.clock.nextOpen(stoppedAt + Math.round(rng.between(lo, hi) * 60) * 1000);
    // Sometimes the call never comes; the day-0 e-mail still waits until the agent is back.
    this.firstWorkAt = rng.chance(profile.noCallAfterStopShare)
      ? backAt
      : this.dial(null, backAt, true);
  }

  private work(task: TaskRecord, when: number, first: boolean): void {
    const { t } = this;
    const { rng, agent } = t;
    const channel = task.taskType as Channel;
    if (!rng.chance(agent.profile.followThrough[channel])) {
      t.skip(task, when);
      return;
    }
    if (channel === 'call') {
      const end = this.dial(task, when, first);
      if (first) this.firstWorkAt = end;
      return;
    }
    if (channel === 'email') {
      t.email(when, first ? firstEmailSubject(rng, t.text) : followUpSubject(rng, t.text));
    } else {
      t.textMessage(when);
    }
    t.complete(task, when + rng.int(20, 180) * 1000, taskComment(rng, channel, false));
    if (first && this.firstWorkAt === null) this.firstWorkAt = when;
    const [odds, lo, hi] =
      channel === 'email' ? [FUNNEL.emailGetsReply, 20, 8 * 60] : [FUNNEL.textGetsReply, 2, 3 * 60];
    if (this.canConnect() && rng.chance(odds)) {
      const replyAt = when + Math.round(rng.between(lo, hi) * 60) * 1000;
      t.inbound(channel, replyAt);
      this.talk(replyAt, channel);
    }
  }

  /**
   * Calls the shopper (a second dial straight after a miss, for some agents); completes the
   * task, or logs a call made without one; returns when the agent hung up.
   */
  private dial(task: TaskRecord | null, when: number, first: boolean): number {
    const { t } = this;
    const { rng, agent } = t;
    const profile = agent.profile;
    if (task && rng.chance(profile.phantomCallShare)) {
      // Ticked but never dialled: nothing on the phone system backs this one.
      t.complete(task, when, rng.pick(CHECKBOX_COMMENTS));
      return when;
    }
    const talkedBefore = this.talkedAt !== null;
    const odds = talkedBefore
      ? FUNNEL.laterCallConnects
      : first
        ? FUNNEL.firstCallConnects
        : FUNNEL.callConnects;
    const connects = (talkedBefore || this.canConnect()) && rng.chance(odds);
    let call = t.call(when, connects);
    if (!connects && rng.chance(profile.doubleDialShare)) {
      call = t.call(callEnd(call) + rng.int(15, 60) * 1000, false);
    }
    const end = callEnd(call);
    const comment = taskComment(rng, 'call', connects);
    // One claim per call, as a CRM keeps it: the ticked task, or, when no task asked for the
    // call, a log typed by hand. Two claims for one call could not both be corroborated.
    if (task) t.complete(task, end + rng.int(10, 60) * 1000, comment);
    else if (rng.chance(profile.callLogShare)) t.claimCall(end + rng.int(10, 90) * 1000, comment);
    if (connects && !talkedBefore) this.talk(end, 'call');
    return end;
  }

  private get ended(): boolean {
    return this.endedAt !== Number.POSITIVE_INFINITY;
  }

  private canConnect(): boolean {
    return this.plan.reachable && this.talkedAt === null && !this.ended;
  }

  private letShopperReachOut(before: number): void {
    const at = this.plan.reachOutAt;
    if (at === null || at >= before || !this.canConnect()) return;
    const { t } = this;
    if (t.lead.phone && t.rng.chance(0.6)) {
      const duration = t.rng.int(60, 600);
      t.inbound('call', at, duration);
      this.talk(at + duration * 1000, 'call');
    } else {
      t.inbound(t.lead.email ? 'email' : 'text', at);
      this.talk(at, t.lead.email ? 'email' : 'text');
    }
  }

  /** The first two-way contact: notes, then an appointment, a lost sale, or more follow-up. */
  private talk(at: number, how: Channel): void {
    const { t } = this;
    const { rng, store } = t;
    if (this.talkedAt !== null || this.ended) return;
    this.talkedAt = at;
    let end = at;
    if (how !== 'call') {
      // A written reply gets a call back (or an answer in kind) in business hours.
      const respondAt = store.clock.addBusinessMinutes(at, rng.between(5, 45));
      if (t.lead.phone && rng.chance(0.7)) end = callEnd(t.call(respondAt, true));
      else if (t.lead.email) end = t.email(respondAt, `Re: ${t.lead.vehicle}`).at;
      else end = t.textMessage(respondAt).at;
    }
    if (noteConversation(t, end)) this.noted = true;
    if (rng.chance(FUNNEL.setGivenTalk)) {
      this.appointmentAt = end + rng.int(60, 300) * 1000;
      this.appointment(runAppointment(t, this.appointmentAt));
    } else if (rng.chance(FUNNEL.boughtElsewhereGivenTalk)) {
      this.close(end + rng.int(120, 1800) * 1000, 'lost', 'purchased_elsewhere', false);
    } else {
      const until = Math.min(end + 5 * DAY, this.flipAt);
      converse(t, end, until, rng.int(1, 4));
      this.busyUntil = Math.max(this.busyUntil, until);
    }
  }

  /** After the appointment: sold, or open again; the flipper gives up a day or two later. */
  private appointment(outcome: AppointmentOutcome): void {
    const { rng, store } = this.t;
    if (outcome.soldAt !== null) {
      this.endedAt = outcome.soldAt;
      return;
    }
    const after = outcome.followedUpAt ?? outcome.startsAt;
    this.busyUntil = Math.max(this.busyUntil, after);
    if (this.plan.flipAt !== null) {
      const day = store.clock.day(after) + rng.int(1, 2);
      this.flipAt = store.clock.slotOn(day, rng.between(10 * 60, 17 * 60));
    }
  }

  /** Nobody bought: the flipper's early "lost", or the end of the cadence. */
  private closeUnsold(lastWork: number): void {
    if (this.ended) return;
    const { rng, store } = this.t;
    if (this.flipAt !== Number.POSITIVE_INFINITY) {
      const reason = this.talkedAt === null ? 'no_response' : 'not_interested';
      this.close(this.flipAt, 'lost', reason, true);
      return;
    }
    const received = this.t.lead.record.receivedAt;
    const day = store.clock.day(Math.max(lastWork, this.busyUntil, received + 30 * DAY));
    const closeAt = store.clock.slotOn(day + rng.int(1, 5), rng.between(10 * 60, 17 * 60));
    if (this.talkedAt === null) this.close(closeAt, 'inactive', 'no_response', false);
    else this.close(closeAt, 'lost', rng.weighted(LOST_REASONS_AFTER_TALK), false);
  }

  private close(at: number, status: LeadStatus, reason: string, includeOverdue: boolean): void {
    this.t.status(at, status, this.t.userId, reason);
    this.t.dismissOpenTasks(at, includeOverdue);
    this.endedAt = at;
  }
}
