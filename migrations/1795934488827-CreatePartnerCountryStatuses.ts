import type { MigrationInterface, QueryRunner } from 'typeorm';

const TALENT_PARTNERSHIP_COUNTRIES = [
  ['MA', 'MAR', '504', 'Morocco', 'Africa'],
  ['TN', 'TUN', '788', 'Tunisia', 'Africa'],
  ['EG', 'EGY', '818', 'Egypt', 'Africa'],
  ['PK', 'PAK', '586', 'Pakistan', 'Asia'],
  ['BD', 'BGD', '050', 'Bangladesh', 'Asia'],
];

export class CreatePartnerCountryStatuses1795934488827 implements MigrationInterface {
  name = 'CreatePartnerCountryStatuses1795934488827';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_country_statuses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country_code char(2) NOT NULL REFERENCES countries (alpha2),
        status text NOT NULL CHECK (status IN ('eligible', 'talent_partnership', 'suspended')),
        effective_from date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        recorded_by uuid REFERENCES accounts (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX partner_country_statuses_lookup_idx ON partner_country_statuses (country_code, effective_from DESC, recorded_at DESC)',
    );
    // Migrations run before reference data is seeded: add the five countries now; the seeder
    // completes or corrects them later.
    await queryRunner.query(
      `INSERT INTO countries (alpha2, alpha3, numeric_code, name, region, eu_member, eu_code)
       SELECT code, alpha3, numeric_code, name, region, false, NULL
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           AS t(code, alpha3, numeric_code, name, region)
       ON CONFLICT (alpha2) DO NOTHING`,
      [0, 1, 2, 3, 4].map((column) => TALENT_PARTNERSHIP_COUNTRIES.map((row) => row[column])),
    );
    await queryRunner.query(
      `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason)
       SELECT code, 'talent_partnership', DATE '2021-06-11',
              'Partner of the EU Talent Partnerships launched by the European Commission on 11 June 2021'
         FROM unnest($1::text[]) AS code`,
      [TALENT_PARTNERSHIP_COUNTRIES.map((row) => row[0])],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE partner_country_statuses');
  }
}
