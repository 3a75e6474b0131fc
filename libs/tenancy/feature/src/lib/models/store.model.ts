import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '@candor/platform-graphql';
import { BusinessHours } from './business-hours.model';

@ObjectType({ description: 'A rooftop: one dealership location graded by Candor.' })
export class Store {
  @Field(() => ID, { description: 'Opaque Candor id of the store.' })
  id!: string;

  @Field({ description: "The store's id in evidence bundles and connectors, e.g. smith-toyota." })
  externalId!: string;

  @Field({ description: 'Display name.' })
  name!: string;

  @Field(() => [String], {
    description: 'Names and aliases staff use for the store (voicemail checks).',
  })
  names!: string[];

  @Field({ description: 'IANA time zone the store keeps, e.g. America/Chicago.' })
  timeZone!: string;

  @Field(() => BusinessHours, { description: 'Weekly business hours in store-local time.' })
  businessHours!: BusinessHours;

  @Field(() => [String], { description: "Mail domains of the store's own addresses." })
  emailDomains!: string[];

  @Field(() => [String], { description: 'Phone lines the store owns, E.164.' })
  phoneNumbers!: string[];

  @Field({ description: 'When the store was added.' })
  createdAt!: Date;

  @Field({ description: 'When the store settings last changed.' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A page of stores.' })
export class StoreConnection extends Connection(Store, 'Store') {}
