import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { LeadAgent } from './lead-agent.model';
import { ClaimStatus, LeadTimelineKind, LinkedBy } from './timeline-enums';

@ObjectType({
  description:
    'A claim (a completed call/email/text task or a claimed outbound activity) and what backs it.',
})
export class TimelineClaim {
  @Field(() => ClaimStatus, { description: 'Whether a genuine attempt corroborates it.' })
  status!: ClaimStatus;

  @Field({ description: 'call, email or text.' })
  channel!: string;

  @Field(() => String, {
    nullable: true,
    description: 'eventId of the genuine attempt that corroborates it; null when none does.',
  })
  backedBy!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Wall-clock minutes between the claim and the attempt backing it.',
  })
  backedByGapMin!: number | null;

  @Field({ description: "Whether this claim stopped the lead's clock (its first response)." })
  stopsClock!: boolean;

  @Field(() => Float, {
    nullable: true,
    description:
      'For the claim that stopped the clock: business minutes to the first genuine attempt ' +
      '(to now when there is none). Null otherwise.',
  })
  gapMin!: number | null;

  @Field(() => String, { nullable: true, description: 'What the person typed with it.' })
  comment!: string | null;

  @Field({ description: 'Whether the comment is empty or filler (sc, lm, done, …).' })
  fillerComment!: boolean;
}

@ObjectType({ description: 'A genuine attempt: outbound, recorded, not automated, linked.' })
export class TimelineAttempt {
  @Field({ description: 'call, email or text.' })
  channel!: string;

  @Field({ description: 'A call a person answered for at least the connected minimum.' })
  connected!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'eventId of the claim this attempt corroborates, if any.',
  })
  corroborates!: string | null;
}

@ObjectType({ description: 'A task of the CRM.' })
export class TimelineTask {
  @Field({ description: 'call, email, text, appointment or other.' })
  type!: string;

  @Field(() => Date, { nullable: true, description: 'When it was created.' })
  createdAt!: Date | null;

  @Field({ description: 'When it was due.' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was marked completed (by now).' })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was dismissed (by now).' })
  dismissedAt!: Date | null;

  @Field(() => LeadAgent, { nullable: true, description: 'Whom it is assigned to.' })
  assignedTo!: LeadAgent | null;

  @Field(() => String, { nullable: true, description: 'Comment typed on completion.' })
  comment!: string | null;
}

@ObjectType({ description: 'A call, e-mail, text, visit or other contact.' })
export class TimelineActivity {
  @Field({ description: 'call, email, text, visit or other.' })
  channel!: string;

  @Field({ description: 'outbound or inbound.' })
  direction!: string;

  @Field({
    description: 'recorded (by the system that carried it) or claimed (typed by a person).',
  })
  evidence!: string;

  @Field({ description: 'Sent or placed by automation (auto-responders).' })
  automated!: boolean;

  @Field(() => String, { nullable: true, description: 'From number or address, as recorded.' })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'To number or address, as recorded.' })
  to!: string | null;

  @Field(() => Int, { nullable: true, description: 'Call length in seconds.' })
  durationSec!: number | null;

  @Field(() => String, { nullable: true, description: 'human, machine or unknown.' })
  answeredBy!: string | null;

  @Field(() => String, { nullable: true, description: 'connected, voicemail, no_answer, …' })
  outcome!: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail subject.' })
  subject!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The first 280 characters of the call or voicemail transcript.',
  })
  transcriptExcerpt!: string | null;

  @Field(() => LinkedBy, { description: 'How the activity was tied to this lead.' })
  linkedBy!: LinkedBy;
}

@ObjectType({ description: 'A note on the lead.' })
export class TimelineNote {
  @Field({ description: 'The note text.' })
  text!: string;
}

@ObjectType({ description: 'An appointment set for the lead.' })
export class TimelineAppointment {
  @Field({ description: 'When it starts.' })
  startsAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the customer confirmed it.' })
  confirmedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the customer showed.' })
  shownAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;
}

@ObjectType({ description: 'A change of the lead status in the CRM.' })
export class TimelineStatus {
  @Field({ description: 'active, lost, bad, inactive or sold.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Reason given (closures).' })
  reason!: string | null;
}

@ObjectType({ description: "One record of a lead's evidence, at the moment it happened." })
export class LeadTimelineEntry {
  @Field({ description: 'The id the evidence gave the record (e.g. T-1, C-88).' })
  eventId!: string;

  @Field({
    description:
      'When it happened: arrival, completion (or due time) of a task, the activity, the note, ' +
      'when an appointment was set, the status change, the sale.',
  })
  at!: Date;

  @Field(() => LeadTimelineKind, { description: 'Which record type this is.' })
  kind!: LeadTimelineKind;

  @Field(() => String, {
    nullable: true,
    description: 'The import source the record is stored under (`bundle`, a connector).',
  })
  source!: string | null;

  @Field(() => LeadAgent, { nullable: true, description: 'Who did it, when known.' })
  actor!: LeadAgent | null;

  @Field({
    description: 'One line a person can read, e.g. Call task completed by Dana Reyes: "sc".',
  })
  summary!: string;

  @Field(() => TimelineClaim, { nullable: true, description: 'Set when the record is a claim.' })
  claim!: TimelineClaim | null;

  @Field(() => TimelineAttempt, {
    nullable: true,
    description: 'Set when the record is a genuine attempt.',
  })
  attempt!: TimelineAttempt | null;

  @Field(() => TimelineTask, { nullable: true, description: 'Set for tasks.' })
  task!: TimelineTask | null;

  @Field(() => TimelineActivity, { nullable: true, description: 'Set for activities.' })
  activity!: TimelineActivity | null;

  @Field(() => TimelineNote, { nullable: true, description: 'Set for notes.' })
  note!: TimelineNote | null;

  @Field(() => TimelineAppointment, { nullable: true, description: 'Set for appointments.' })
  appointment!: TimelineAppointment | null;

  @Field(() => TimelineStatus, { nullable: true, description: 'Set for status changes.' })
  status!: TimelineStatus | null;
}
