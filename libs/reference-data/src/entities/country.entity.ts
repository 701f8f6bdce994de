import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('countries')
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  alpha2!: string;

  @Column({ type: 'char', length: 3 })
  alpha3!: string;

  @Column({ name: 'numeric_code', type: 'char', length: 3 })
  numericCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  region!: string | null;

  @Column({ name: 'eu_member', type: 'boolean' })
  euMember!: boolean;

  @Column({ name: 'eu_code', type: 'char', length: 2, nullable: true })
  euCode!: string | null;
}
