import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MembershipRole } from '@candor/platform-auth';

@Entity({ name: 'membership' })
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'consultancy_id' })
  consultancyId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @Column('text')
  role!: MembershipRole;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}

@Entity({ name: 'membership_store' })
export class MembershipStoreEntity {
  @PrimaryColumn('uuid', { name: 'consultancy_id' })
  consultancyId!: string;

  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('uuid', { name: 'store_id' })
  storeId!: string;
}
