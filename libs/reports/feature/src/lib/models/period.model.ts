import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum PeriodGranularity {
  DAY = 'day',
  WEEK = 'week',
  MONTH = 'month',
  CUSTOM = 'custom',
}

registerEnumType(PeriodGranularity, {
  name: 'PeriodGranularity',
  description: "How long a report's window is, in the store's own calendar and time zone.",
  valuesMap: {
    DAY: { description: 'A store-local day (midnight to midnight; 23 or 25 hours across DST).' },
    WEEK: { description: 'An ISO week, Monday to Monday, store-local.' },
    MONTH: { description: 'A calendar month, store-local.' },
    CUSTOM: { description: 'Any window [from, to), at most 400 days.' },
  },
});

@InputType({
  description:
    'Which report: a day, week or month holding `date` (default: today, in each store’s time ' +
    'zone), or a custom window [from, to).',
})
export class PeriodInput {
  @Field(() => PeriodGranularity, { description: 'Day, week, month, or custom.' })
  granularity!: PeriodGranularity;

  @Field(() => String, {
    nullable: true,
    description:
      'A store-local date (YYYY-MM-DD) inside the period; default today. Not for CUSTOM.',
  })
  date?: string | null;

  @Field(() => Date, { nullable: true, description: 'CUSTOM only: start of the window.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'CUSTOM only: end of the window (exclusive).' })
  to?: Date | null;
}

@ObjectType({ description: 'The window a report grades and the moment it was judged at.' })
export class ReportPeriod {
  @Field(() => PeriodGranularity, { description: 'Day, week, month, or custom.' })
  granularity!: PeriodGranularity;

  @Field({ description: 'Name of the period: 2026-03-02, 2026-W10, 2026-03, or from/to.' })
  label!: string;

  @Field({ description: 'Start of the window (leads received from here).' })
  start!: Date;

  @Field({ description: 'End of the window (exclusive).' })
  end!: Date;

  @Field({
    description:
      'Evidence is judged as of this moment: the end, or the last refresh while running.',
  })
  asOf!: Date;

  @Field({
    description: 'True once the period is over and judged at its end (the grade will not move).',
  })
  final!: boolean;
}
