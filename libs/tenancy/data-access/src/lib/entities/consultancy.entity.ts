import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'consultancy' })
export class ConsultancyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;
}
