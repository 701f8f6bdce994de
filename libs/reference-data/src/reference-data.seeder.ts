import { shippedDataPath } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { countriesFromCsv, languagesFromCsv, memberStatesFromCsv } from './reference-csv';
import { CEFR_LEVELS, EQF_LEVELS } from './reference-levels';
import { isEuMemberState } from './rules/eu-member-states';
import type { ReferenceSeedReport } from './reference-data.types';

/**
 * Loads `data/reference/` into the reference tables. Countries and languages follow the files;
 * Member States are only added when missing, because administrators maintain them afterwards. CEFR and EQF levels come from code.
 */
@Injectable()
export class ReferenceDataSeeder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isSeeded(): Promise<boolean> {
    const [row] = await this.dataSource.query<{ seeded: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM countries) AND EXISTS (SELECT 1 FROM languages)
          AND EXISTS (SELECT 1 FROM cefr_levels) AND EXISTS (SELECT 1 FROM eqf_levels) AS seeded`,
    );
    return row.seeded;
  }

  async seed(folder = shippedDataPath('reference')): Promise<ReferenceSeedReport> {
    const read = (name: string) => readFile(join(folder, name), 'utf8');
    const countries = countriesFromCsv(await read('countries.csv'));
    const languages = languagesFromCsv(await read('languages.csv'));
    const memberStates = memberStatesFromCsv(await read('member_states.csv'));
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO countries (alpha2, alpha3, numeric_code, name, region, eu_member, eu_code)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[])
         ON CONFLICT (alpha2) DO UPDATE SET alpha3 = EXCLUDED.alpha3, numeric_code = EXCLUDED.numeric_code,
           name = EXCLUDED.name, region = EXCLUDED.region, eu_member = EXCLUDED.eu_member, eu_code = EXCLUDED.eu_code
         WHERE (countries.alpha3, countries.numeric_code, countries.name, countries.region, countries.eu_member,
           countries.eu_code) IS DISTINCT FROM (EXCLUDED.alpha3, EXCLUDED.numeric_code, EXCLUDED.name,
           EXCLUDED.region, EXCLUDED.eu_member, EXCLUDED.eu_code)`,
        [
          countries.map((country) => country.alpha2),
          countries.map((country) => country.alpha3),
          countries.map((country) => country.numericCode),
          countries.map((country) => country.name),
          countries.map((country) => country.region),
          countries.map((country) => isEuMemberState(country.alpha2)),
          countries.map((country) => country.euCode),
        ],
      );
      await manager.query(
        `INSERT INTO languages (code, name) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE languages.name IS DISTINCT FROM EXCLUDED.name`,
        [languages.map((language) => language.code), languages.map((language) => language.name)],
      );
      await manager.query(
        `INSERT INTO cefr_levels (code, rank, name) SELECT * FROM unnest($1::text[], $2::smallint[], $3::text[])
         ON CONFLICT (code) DO UPDATE SET rank = EXCLUDED.rank, name = EXCLUDED.name
         WHERE (cefr_levels.rank, cefr_levels.name) IS DISTINCT FROM (EXCLUDED.rank, EXCLUDED.name)`,
        [
          CEFR_LEVELS.map((level) => level.code),
          CEFR_LEVELS.map((level) => level.rank),
          CEFR_LEVELS.map((level) => level.name),
        ],
      );
      await manager.query(
        `INSERT INTO eqf_levels (level, description) SELECT * FROM unnest($1::smallint[], $2::text[])
         ON CONFLICT (level) DO UPDATE SET description = EXCLUDED.description
         WHERE eqf_levels.description IS DISTINCT FROM EXCLUDED.description`,
        [EQF_LEVELS.map((level) => level.level), EQF_LEVELS.map((level) => level.description)],
      );
      const added = await manager.query<{ country_code: string }[]>(
        `INSERT INTO member_states (country_code, participating, participation_start_date, notification_date,
           withdrawal_date, allowed_entity_types)
         SELECT code, participating, start_date, notified, withdrawn, string_to_array(types, ';')
           FROM unnest($1::text[], $2::boolean[], $3::date[], $4::date[], $5::date[], $6::text[])
             AS seed (code, participating, start_date, notified, withdrawn, types)
         ON CONFLICT (country_code) DO NOTHING RETURNING country_code`,
        [
          memberStates.map((state) => state.countryCode),
          memberStates.map((state) => state.participating),
          memberStates.map((state) => state.participationStartDate),
          memberStates.map((state) => state.notificationDate),
          memberStates.map((state) => state.withdrawalDate),
          memberStates.map((state) => state.allowedEntityTypes.join(';')),
        ],
      );
      return { countries: countries.length, languages: languages.length, memberStatesAdded: added.length };
    });
  }
}
