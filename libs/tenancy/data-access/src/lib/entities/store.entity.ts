import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BusinessHours } from '@candor/tenancy-domain';

@Entity({ name: 'store' })
export class StoreEntity {
  @PrimaryColumn('uuid', { name: 'consultancy_id' })
  consultancyId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'dealer_group_id', nullable: true })
  dealerGroupId!: string | null;

  @Column('text', { name: 'external_id' })
  externalId!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  names!: string[];

  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  @Column('jsonb', { name: 'business_hours' })
  businessHours!: BusinessHours;

  @Column('text', { name: 'email_domains', array: true })
  emailDomains!: string[];

  @Column('text', { name: 'phone_numbers', array: true })
  phoneNumbers!: string[];

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
