import type {
  ActivityRecord,
  AppointmentRecord,
  EvidenceRecord,
  LeadStatus,
  TaskRecord,
  TaskType,
} from '@candor/evidence-domain';
import type { DemoLead } from './leads';
import type { Prng } from './prng';
import { conversation, missedCall } from './call-outcomes';
import type { ActivityDetail, ActivityFields, IdSequence } from './record-factory';
import {
  newActivity,
  newAppointment,
  newNote,
  newSale,
  newStatus,
  newTask,
} from './record-factory';
import { SECOND } from './store-clock';
import type { DemoStaff, DemoStore } from './stores';
import type { TextContext, VoicemailKind } from './story-texts';
import { CHECKBOX_COMMENTS, spokenNumber, voicemail } from './story-texts';

/**
 * Everything that can happen on one lead, as records: the phone system's calls, the mail
 * server's messages, the CRM's tasks, logs, notes, appointments and statuses. The agent's habit
 * decides the details (which line, which mailbox, what the voicemail says); the story decides
 * when. Records are collected, not yielded, because tasks are completed after they are created.
 */
export class LeadTouches {
  readonly records: EvidenceRecord[] = [];
  readonly tasks: TaskRecord[] = [];
  /** Outbound recorded, non-automated calls, e-mails and texts so far. */
  genuineAttempts = 0;
  readonly text: TextContext;

  constructor(
    readonly store: DemoStore,
    readonly agent: DemoStaff,
    readonly lead: DemoLead,
    readonly rng: Prng,
    private readonly ids: IdSequence,
  ) {
    this.text = {
      customerFirst: lead.customerFirst,
      agentFirst: agent.firstName,
      // Agents mostly say the full name, sometimes the short one everybody uses.
      storeSaid: rng.chance(0.75) ? store.record.name : rng.pick(store.record.names),
      model: lead.model,
      vehicle: lead.vehicle,
      callback: spokenNumber(store.lines[0] ?? agent.cell),
    };
  }

  get userId(): string {
    return this.agent.user.id;
  }

  task(taskType: TaskType, createdAt: number, dueAt: number): TaskRecord {
    const task = newTask(this.base('T'), { taskType, assignedTo: this.userId, createdAt, dueAt });
    this.records.push(task);
    this.tasks.push(task);
    return task;
  }

  complete(task: TaskRecord, at: number, comment: string | null): void {
    task.completedAt = at;
    task.completedBy = this.userId;
    task.comment = comment;
  }

  /** A step not worked: the task stays open (overdue), is ticked anyway, or is dismissed. */
  skip(task: TaskRecord, when: number): void {
    const { rng, agent } = this;
    const u = rng.next();
    const profile = agent.profile;
    if (u < profile.skippedTaskOpenShare) return;
    if (u < profile.skippedTaskOpenShare + profile.skippedTaskCheckboxShare) {
      this.complete(task, when, rng.pick(CHECKBOX_COMMENTS));
    } else {
      task.dismissedAt = when;
    }
  }

  /** The CRM drops a task nobody needs any more (the lead was sold or closed first). */
  dismiss(task: TaskRecord, at: number): void {
    if (task.completedAt === null && task.dismissedAt === null) {
      task.dismissedAt = Math.max(at, task.createdAt ?? at);
    }
  }

  /** Closes the open tasks due after `at` (the CRM drops a process when a lead closes). */
  dismissOpenTasks(at: number, includeOverdue: boolean): void {
    for (const task of this.tasks) {
      const open = task.completedAt === null && task.dismissedAt === null;
      if (open && (includeOverdue || task.dueAt > at) && task.createdAt !== null) {
        task.dismissedAt = Math.max(at, task.createdAt);
      }
    }
  }

  /** An outbound call on the phone system; returns the record (its end is `at + duration`). */
  call(at: number, connected: boolean): ActivityRecord {
    const { rng, agent } = this;
    const fromCell = rng.chance(agent.profile.cellCallShare);
    const from = fromCell ? agent.cell : rng.chance(0.7) ? this.mainLine : this.otherLine;
    const fields = connected ? conversation(rng) : missedCall(rng);
    if (fields.outcome === 'voicemail') {
      fields.transcript = voicemail(rng, this.voicemailKind(), this.text);
    }
    return this.outbound('C', 'call', at, { ...fields, from, to: this.lead.phone });
  }

  email(at: number, subject: string): ActivityRecord {
    const personal = this.rng.chance(this.agent.profile.personalEmailShare);
    const from = personal ? this.agent.personalEmail : this.agent.storeEmail;
    return this.outbound('E', 'email', at, { from, to: this.lead.email, subject, outcome: 'sent' });
  }

  /** The CRM's automatic "thank you" or drip mail: sent as the agent, but nobody wrote it. */
  autoResponse(at: number, subject: string): void {
    this.push('E', {
      channel: 'email',
      direction: 'outbound',
      evidence: 'recorded',
      at,
      userId: this.userId,
      from: this.agent.storeEmail,
      to: this.lead.email,
      subject,
      outcome: 'sent',
      automated: true,
    });
  }

  /** The texting platform's automatic acknowledgement from the store's main line. */
  autoText(at: number): void {
    this.push('X', {
      channel: 'text',
      direction: 'outbound',
      evidence: 'recorded',
      at,
      userId: this.userId,
      from: this.mainLine,
      to: this.lead.phone,
      outcome: 'delivered',
      automated: true,
    });
  }

  textMessage(at: number): ActivityRecord {
    return this.outbound('X', 'text', at, {
      from: this.mainLine,
      to: this.lead.phone,
      outcome: 'delivered',
    });
  }

  /** The customer reaching out: a call to the store, a reply e-mail or a reply text. */
  inbound(channel: 'call' | 'email' | 'text', at: number, durationSec = 0): ActivityRecord {
    const fields: ActivityDetail =
      channel === 'call'
        ? { durationSec, answeredBy: 'human', outcome: 'connected' }
        : channel === 'email'
          ? { subject: `Re: ${this.lead.vehicle}` }
          : {};
    const customer = channel === 'email' ? this.lead.email : this.lead.phone;
    const store = channel === 'email' ? this.agent.storeEmail : this.mainLine;
    const prefix = channel === 'call' ? 'C' : channel === 'email' ? 'E' : 'X';
    return this.push(prefix, {
      ...fields,
      channel,
      direction: 'inbound',
      evidence: 'recorded',
      at,
      userId: this.userId,
      from: customer,
      to: store,
    });
  }

  /** A call logged by hand in the CRM: a claim, true or not. */
  claimCall(at: number, comment: string): void {
    this.push('CL', {
      channel: 'call',
      direction: 'outbound',
      evidence: 'claimed',
      at,
      userId: this.userId,
      to: this.lead.phone,
      comment,
    });
  }

  /** The showroom log of the customer walking in. */
  visit(at: number): void {
    this.push('V', {
      channel: 'visit',
      direction: 'inbound',
      evidence: 'claimed',
      at,
      userId: this.userId,
    });
  }

  note(at: number, text: string): void {
    this.records.push(newNote(this.base('N'), at, this.userId, text));
  }

  status(at: number, status: LeadStatus, by: string | null, reason: string | null = null): void {
    this.records.push(newStatus(this.base('S'), at, status, by, reason));
  }

  sale(at: number): void {
    this.records.push(newSale(this.base('D'), at, this.userId));
  }

  appointment(setAt: number, startsAt: number): AppointmentRecord {
    const appointment = newAppointment(this.base('A'), setAt, this.userId, startsAt);
    this.records.push(appointment);
    return appointment;
  }

  private get mainLine(): string {
    return this.store.lines[0] ?? this.agent.cell;
  }

  private get otherLine(): string {
    return this.store.lines[1] ?? this.mainLine;
  }

  private voicemailKind(): VoicemailKind {
    const { profile } = this.agent;
    const u = this.rng.next();
    if (u < profile.vagueVoicemailShare) return 'vague';
    return u < profile.vagueVoicemailShare + profile.nameOnlyVoicemailShare
      ? 'name_only'
      : 'recognizable';
  }

  private outbound(
    prefix: string,
    channel: 'call' | 'email' | 'text',
    at: number,
    fields: ActivityDetail,
  ): ActivityRecord {
    this.genuineAttempts++;
    return this.push(prefix, {
      ...fields,
      channel,
      direction: 'outbound',
      evidence: 'recorded',
      at,
      userId: this.userId,
    });
  }

  private push(prefix: string, fields: ActivityFields): ActivityRecord {
    const activity = newActivity(this.base(prefix), fields);
    this.records.push(activity);
    return activity;
  }

  private base(prefix: string) {
    return {
      id: this.ids.next(prefix),
      storeId: this.store.record.id,
      leadId: this.lead.record.id,
    };
  }
}

/** When a call ended: its start plus its duration. */
export function callEnd(call: ActivityRecord): number {
  return call.at + (call.durationSec ?? 0) * SECOND;
}
