import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Opening hours of one day, HH:MM in store-local time.' })
export class OpeningHoursInput {
  @Field({ description: 'Opening time, HH:MM.' })
  opens!: string;

  @Field({ description: 'Closing time, HH:MM (24:00 is midnight); after the opening time.' })
  closes!: string;
}

@InputType({ description: 'The whole week: give every day; null marks a closed day.' })
export class BusinessHoursInput {
  @Field(() => OpeningHoursInput, { nullable: true, description: 'Monday, or null if closed.' })
  mon?: OpeningHoursInput | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Tuesday, or null if closed.' })
  tue?: OpeningHoursInput | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Wednesday, or null if closed.' })
  wed?: OpeningHoursInput | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Thursday, or null if closed.' })
  thu?: OpeningHoursInput | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Friday, or null if closed.' })
  fri?: OpeningHoursInput | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Saturday, or null if closed.' })
  sat?: OpeningHoursInput | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: 'Sunday, or null if closed.' })
  sun?: OpeningHoursInput | null;
}

@InputType({ description: 'Settings of a new store.' })
export class CreateStoreInput {
  @Field({ description: "The store's id in evidence bundles, e.g. smith-toyota (unique)." })
  externalId!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field({ description: 'IANA time zone, e.g. America/Chicago.' })
  timeZone!: string;

  @Field(() => [String], { nullable: true, description: 'Names and aliases; default: the name.' })
  names?: string[] | null;

  @Field(() => BusinessHoursInput, {
    nullable: true,
    description: 'Default: Mon–Fri 9–20, Sat 9–18.',
  })
  businessHours?: BusinessHoursInput | null;

  @Field(() => [String], { nullable: true, description: "Mail domains of the store's addresses." })
  emailDomains?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Phone lines the store owns (any format).',
  })
  phoneNumbers?: string[] | null;
}

@InputType({ description: 'Changes to a store; fields left out stay as they are.' })
export class UpdateStoreInput {
  @Field(() => String, { nullable: true, description: "The store's id in evidence bundles." })
  externalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Display name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone.' })
  timeZone?: string | null;

  @Field(() => [String], { nullable: true, description: 'Names and aliases (replaces the list).' })
  names?: string[] | null;

  @Field(() => BusinessHoursInput, { nullable: true, description: 'Weekly hours (replaces them).' })
  businessHours?: BusinessHoursInput | null;

  @Field(() => [String], { nullable: true, description: 'Mail domains (replaces the list).' })
  emailDomains?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Phone lines (replaces the list).' })
  phoneNumbers?: string[] | null;
}
