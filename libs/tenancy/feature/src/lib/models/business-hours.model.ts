import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Opening hours of one day, in store-local time.' })
export class OpeningHours {
  @Field({ description: 'Opening time, HH:MM.' })
  opens!: string;

  @Field({ description: 'Closing time, HH:MM (24:00 is midnight).' })
  closes!: string;
}

@ObjectType({
  description: 'Weekly hours; a null day is closed. Business-minute clocks use these.',
})
export class BusinessHours {
  @Field(() => OpeningHours, { nullable: true, description: 'Monday.' })
  mon!: OpeningHours | null;

  @Field(() => OpeningHours, { nullable: true, description: 'Tuesday.' })
  tue!: OpeningHours | null;

  @Field(() => OpeningHours, { nullable: true, description: 'Wednesday.' })
  wed!: OpeningHours | null;

  @Field(() => OpeningHours, { nullable: true, description: 'Thursday.' })
  thu!: OpeningHours | null;

  @Field(() => OpeningHours, { nullable: true, description: 'Friday.' })
  fri!: OpeningHours | null;

  @Field(() => OpeningHours, { nullable: true, description: 'Saturday.' })
  sat!: OpeningHours | null;

  @Field(() => OpeningHours, { nullable: true, description: 'Sunday.' })
  sun!: OpeningHours | null;
}
