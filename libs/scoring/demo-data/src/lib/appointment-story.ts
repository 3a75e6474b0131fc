import type { AppointmentRecord } from '@candor/evidence-domain';
import { reachableBy } from './cadence';
import { converse } from './conversation';
import { FUNNEL } from './lead-plan';
import type { LeadTouches } from './lead-touches';
import { callEnd } from './lead-touches';
import { HOUR, SECOND, minutes } from './store-clock';
import { LOST_REASONS_AFTER_TALK, appointmentSubject, taskComment } from './story-texts';

/**
 * From "see you Thursday" to a sale or a lost lead: the appointment, its confirmation, the
 * visit (or the no-show), the sale, or the follow-up and closure when nobody buys.
 */
export function runAppointment(t: LeadTouches, setAt: number, flipAt: number | null): void {
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
      sell(t, shownAt);
      return;
    }
  } else if (rng.chance(FUNNEL.cancelShareOfNoShows)) {
    const cancelAt = startsAt - rng.between(HOUR, 20 * HOUR);
    if (cancelAt > setAt + minutes(10)) {
      appointment.cancelledAt = cancelAt;
      if (t.lead.phone) t.inbound('call', cancelAt, rng.int(30, 180));
    }
  }
  followUpAndClose(t, startsAt, shown, flipAt);
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

/** The confirmation task and, for most appointments, a short call or text that confirms. */
function confirm(t: LeadTouches, appointment: AppointmentRecord): boolean {
  const { rng, store, agent } = t;
  const { clock } = store;
  const { setAt, startsAt } = appointment;
  let dueAt = clock.slotOn(clock.day(startsAt), 0);
  if (dueAt > startsAt - HOUR) dueAt = Math.max(setAt + minutes(30), startsAt - HOUR);
  const task = t.task('appointment', setAt, dueAt);
  const workAt = Math.max(setAt + minutes(15), clock.nextOpen(dueAt - minutes(rng.between(0, 60))));
  if (workAt >= startsAt - minutes(15)) return false;
  if (rng.chance(FUNNEL.confirmed)) {
    let confirmedAt: number;
    if (t.lead.phone && rng.chance(0.75)) {
      confirmedAt = callEnd(t.call(workAt, true));
    } else if (t.lead.phone) {
      t.textMessage(workAt);
      confirmedAt = workAt + minutes(rng.between(2, 60));
      t.inbound('text', confirmedAt);
    } else {
      t.email(workAt, appointmentSubject(t.text));
      confirmedAt = workAt + minutes(rng.between(10, 120));
      t.inbound('email', confirmedAt);
    }
    if (confirmedAt >= startsAt) return false;
    appointment.confirmedAt = confirmedAt;
    t.complete(task, confirmedAt + rng.int(30, 180) * SECOND, 'Confirmed');
    return true;
  }
  if (t.lead.phone && rng.chance(agent.profile.followThrough.call)) {
    const end = callEnd(t.call(workAt, false));
    t.complete(task, end + rng.int(20, 120) * SECOND, taskComment(rng, 'call', false));
  }
  return false;
}

function sell(t: LeadTouches, shownAt: number): void {
  const { rng, store } = t;
  const { clock } = store;
  // Most deals close the evening of the visit; the rest after a co-signer, a trade or a lender.
  const soldAt = rng.chance(0.75)
    ? shownAt + minutes(rng.between(60, 240))
    : clock.slotOn(clock.day(shownAt) + rng.int(1, 5), rng.between(11 * 60, 18 * 60));
  t.status(soldAt, 'sold', t.userId);
  t.sale(soldAt);
  t.dismissOpenTasks(soldAt, false);
}

/** After a visit without a sale or a no-show: calls and e-mails to win the shopper back. */
const AFTER_VISIT: readonly { day: number; channel: 'call' | 'email' }[] = [
  { day: 1, channel: 'call' },
  { day: 3, channel: 'email' },
  { day: 7, channel: 'call' },
  { day: 14, channel: 'call' },
];

/** Follow-up after the appointment, then closure: days later by the flipper, weeks by others. */
function followUpAndClose(t: LeadTouches, startsAt: number, shown: boolean, flipAt: number | null) {
  const { rng, store, agent } = t;
  const { clock } = store;
  const day = clock.day(startsAt);
  const flipper = flipAt !== null;
  const createdAt = startsAt + minutes(rng.between(30, 120));
  let lastDue = createdAt;
  for (const step of AFTER_VISIT) {
    if (flipper && step.day > 1) break;
    const channel = reachableBy(t, step.channel) ?? 'email';
    const dueAt = clock.slotOn(day + step.day, clock.minuteOfDay(startsAt));
    const task = t.task(channel, createdAt, dueAt);
    lastDue = dueAt;
    const at = clock.nextOpen(dueAt + minutes(rng.between(-30, 60)));
    if (!rng.chance(agent.profile.followThrough[channel])) {
      t.skip(task, at);
      continue;
    }
    const end =
      channel === 'call'
        ? callEnd(t.call(at, rng.chance(FUNNEL.laterCallConnects)))
        : channel === 'email'
          ? t.email(at, shown ? 'Thanks for coming in' : 'Sorry we missed you').at
          : t.textMessage(at).at;
    t.complete(task, end + rng.int(20, 120) * SECOND, taskComment(rng, channel, false));
  }
  const closeDay = clock.day(lastDue) + (flipper ? rng.int(1, 2) : rng.int(7, 21));
  const closeAt = clock.slotOn(closeDay, rng.between(10 * 60, 17 * 60));
  const reason = shown
    ? rng.weighted(LOST_REASONS_AFTER_TALK)
    : rng.pick(['not_interested', 'timing']);
  t.status(closeAt, 'lost', t.userId, reason);
  t.dismissOpenTasks(closeAt, flipper);
}
