import type { AppointmentRecord } from '@candor/evidence-domain';
import { reachableBy } from './cadence';
import { converse } from './conversation';
import { FUNNEL } from './lead-plan';
import type { LeadTouches } from './lead-touches';
import { callEnd } from './lead-touches';
import { HOUR, SECOND, minutes } from './store-clock';
import { appointmentSubject, taskComment } from './story-texts';

/** How an appointment ended, for the lead story to carry on from. */
export interface AppointmentOutcome {
  startsAt: number;
  /** When the sale was made, or null. */
  soldAt: number | null;
  /** When the agent followed up the day after an appointment without a sale, or null. */
  followedUpAt: number | null;
}

/**
 * From "see you Thursday" to a sale or a follow-up: the appointment, its confirmation, the visit
 * (or the no-show), the sale, or the next-day follow-up when nobody buys. The store's cadence
 * keeps running beside it until the lead is sold or closed (see lead-story).
 */
export function runAppointment(t: LeadTouches, setAt: number): AppointmentOutcome {
  const { rng } = t;
  const startsAt = appointmentStart(t, setAt);
  const appointment = t.appointment(setAt, startsAt);
  if (t.lead.email && rng.chance(0.6)) {
    t.email(setAt + rng.int(120, 600) * SECOND, appointmentSubject(t.text));
  }
  converse(t, setAt + minutes(10), startsAt - minutes(30), rng.int(0, 2));
  const confirmed = confirm(t, appointment);
  const shown = rng.chance(confirmed ? FUNNEL.showIfConfirmed : FUNNEL.showIfUnconfirmed);
  if (shown) {
    const shownAt = Math.max(setAt + minutes(30), startsAt + minutes(rng.between(-10, 25)));
    appointment.shownAt = shownAt;
    t.visit(shownAt);
    if (rng.chance(FUNNEL.soldFromShow)) {
      return { startsAt, soldAt: sell(t, shownAt), followedUpAt: null };
    }
  } else if (rng.chance(FUNNEL.cancelShareOfNoShows)) {
    const cancelAt = startsAt - rng.between(HOUR, 20 * HOUR);
    if (cancelAt > setAt + minutes(10)) {
      appointment.cancelledAt = cancelAt;
      if (t.lead.phone) t.inbound('call', cancelAt, rng.int(30, 180));
    }
  }
  return { startsAt, soldAt: null, followedUpAt: followUpNextDay(t, startsAt, shown) };
}

/** Same day when there is time, else within a week, at a round quarter hour. */
function appointmentStart(t: LeadTouches, setAt: number): number {
  const { rng, store } = t;
  const { clock } = store;
  const minute = rng.int(40, 72) * 15;
  const offset = rng.weighted([
    [0, 15],
    [1, 35],
    [2, 25],
    [3, 15],
    [5, 10],
  ]);
  const startsAt = clock.slotOn(clock.day(setAt) + offset, minute, 60);
  return startsAt >= setAt + 2 * HOUR ? startsAt : clock.slotOn(clock.day(setAt) + 1, minute, 60);
}

/**
 * The confirmation task: due half an hour before the appointment, worked the morning of (or
 * soon after a same-day booking). The task is the agent's attempt, so it is ticked right after
 * it; most shoppers confirm on the call or reply to the text or e-mail.
 */
function confirm(t: LeadTouches, appointment: AppointmentRecord): boolean {
  const { rng, store, agent } = t;
  const { clock } = store;
  const { setAt, startsAt } = appointment;
  const task = t.task('appointment', setAt, startsAt - minutes(30));
  const morning = clock.nextOpen(clock.at(clock.day(startsAt), 0)) + minutes(rng.between(0, 30));
  const workAt = Math.min(Math.max(setAt + minutes(rng.between(15, 45)), morning), startsAt - HOUR);
  if (rng.chance(FUNNEL.confirmed)) {
    let doneAt: number;
    let confirmedAt: number;
    if (t.lead.phone && rng.chance(0.75)) {
      doneAt = callEnd(t.call(workAt, true));
      confirmedAt = doneAt;
    } else {
      doneAt = t.lead.phone
        ? t.textMessage(workAt).at
        : t.email(workAt, appointmentSubject(t.text)).at;
      confirmedAt = workAt + minutes(t.lead.phone ? rng.between(2, 60) : rng.between(10, 120));
      t.inbound(t.lead.phone ? 'text' : 'email', confirmedAt);
    }
    const comment = doneAt === confirmedAt ? 'Confirmed' : 'Sent confirmation request';
    t.complete(task, doneAt + rng.int(10, 60) * SECOND, comment);
    if (confirmedAt >= startsAt) return false;
    appointment.confirmedAt = confirmedAt;
    return true;
  }
  const channel = t.lead.phone ? 'call' : 'email';
  if (!rng.chance(agent.profile.followThrough[channel])) {
    t.skip(task, workAt);
    return false;
  }
  const doneAt =
    channel === 'call'
      ? callEnd(t.call(workAt, false))
      : t.email(workAt, appointmentSubject(t.text)).at;
  t.complete(task, doneAt + rng.int(10, 60) * SECOND, taskComment(rng, channel, false));
  return false;
}

/** Most deals close the evening of the visit; the rest after a co-signer, a trade or a lender. */
function sell(t: LeadTouches, shownAt: number): number {
  const { rng, store } = t;
  const { clock } = store;
  const soldAt = rng.chance(0.75)
    ? shownAt + minutes(rng.between(60, 240))
    : clock.slotOn(clock.day(shownAt) + rng.int(1, 5), rng.between(11 * 60, 18 * 60));
  t.status(soldAt, 'sold', t.userId);
  t.sale(soldAt);
  t.dismissOpenTasks(soldAt, false);
  return soldAt;
}

/**
 * The day after a visit without a sale ("thanks for coming in") or a no-show ("sorry we missed
 * you"): a task due by closing, worked around the appointment's time of day.
 */
function followUpNextDay(t: LeadTouches, startsAt: number, shown: boolean): number {
  const { rng, store, agent } = t;
  const { clock } = store;
  const day = clock.openDayFrom(clock.day(startsAt) + 1);
  const channel = reachableBy(t, shown ? 'email' : 'call') ?? 'email';
  const task = t.task(channel, startsAt + minutes(rng.between(30, 120)), clock.closingOn(day));
  const [lo, hi] = agent.profile.followUpDelayMin;
  const at = clock.nextOpen(
    clock.slotOn(day, clock.minuteOfDay(startsAt)) + minutes(rng.between(lo, hi)),
  );
  if (!rng.chance(agent.profile.followThrough[channel])) {
    t.skip(task, at);
    return at;
  }
  const end =
    channel === 'call'
      ? callEnd(t.call(at, rng.chance(FUNNEL.laterCallConnects)))
      : channel === 'email'
        ? t.email(at, shown ? 'Thanks for coming in' : 'Sorry we missed you').at
        : t.textMessage(at).at;
  t.complete(task, end + rng.int(10, 60) * SECOND, taskComment(rng, channel, false));
  return end;
}
