import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Just enough to scope employer users; the employers feature owns and extends this table. */
@Entity('employer_organisations')
export class EmployerOrganisationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
