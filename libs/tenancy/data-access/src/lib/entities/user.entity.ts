import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person; global (not tenant-owned), visible to a consultancy through its memberships. */
@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
