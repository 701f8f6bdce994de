import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { EMPLOYER_STATUSES, isVerified, VERIFIED_EMPLOYERS_SQL } from '@app/employers';
import {
  allowsCandidates,
  countriesRefusingCandidatesSql,
  PARTNER_COUNTRY_STATUSES,
  PartnerCountries,
  PartnerCountriesModule,
} from '@app/partner-countries';
import {
  CEFR_CODES,
  cefrRank,
  cefrRankSql,
  EU_MEMBER_COUNTRIES_SQL,
  isEuMemberState,
  participatesOn,
  participatingMemberStatesSql,
  ReferenceDataModule,
  ReferenceDataSeeder,
  type ParticipationDates,
} from '@app/reference-data';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { truncateAll } from './utils/database';

@Module({ imports: [ConfigModule, DatabaseModule, ReferenceDataModule, PartnerCountriesModule] })
class RulesModule {}

/** A small seeded generator, so a failure names the seed that reproduces it. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(values: readonly T[]): T => values[int(values.length)];
  /** A day within a few years of 2027, so starts, withdrawals and probes often meet. */
  const day = () => new Date(Date.UTC(2025, 0, 1) + int(4 * 365) * 86_400_000).toISOString().slice(0, 10);
  return { next, int, pick, day };
}

const SEED = Number(process.env.RULES_SEED ?? Date.now() % 2 ** 31);

describe('published rules: each TypeScript predicate and its SQL form agree on generated cases', () => {
  let context: INestApplicationContext;
  let dataSource: DataSource;
  const random = generator(SEED);

  beforeAll(async () => {
    context = await NestFactory.createApplicationContext(RulesModule, { logger: ['error', 'warn'] });
    dataSource = context.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await context.get(ReferenceDataSeeder).seed();
  });

  afterAll(async () => {
    await truncateAll(dataSource);
    await context.close();
  });

  it('participation of a Member State on a day: participatesOn and participatingMemberStatesSql', async () => {
    const states = (
      await dataSource.query<{ code: string }[]>('SELECT country_code AS code FROM member_states')
    ).map((row) => row.code);
    const mismatches: unknown[] = [];
    for (let round = 0; round < 6; round++) {
      const settings = new Map<string, ParticipationDates>();
      for (const code of states) {
        const start = random.next() < 0.25 ? null : random.day();
        let withdrawal = random.next() < 0.5 ? null : random.day();
        if (withdrawal !== null && start !== null && withdrawal <= start) withdrawal = null;
        const setting = {
          participating: random.next() < 0.7,
          participationStartDate: start,
          withdrawalDate: withdrawal,
        };
        settings.set(code, setting);
        await dataSource.query(
          `UPDATE member_states SET participating = $2, participation_start_date = $3, withdrawal_date = $4
            WHERE country_code = $1`,
          [code, setting.participating, start, withdrawal],
        );
      }
      const probes = [...settings.values()].flatMap((setting) =>
        [setting.participationStartDate, setting.withdrawalDate].filter((day): day is string => day !== null),
      );
      for (let i = 0; i < 12; i++) {
        const day = i % 2 === 0 ? random.day() : random.pick(probes);
        const inSql = new Set(
          (
            await dataSource.query<{ code: string }[]>(
              `SELECT country_code AS code FROM ${participatingMemberStatesSql('$1::date')} m`,
              [day],
            )
          ).map((row) => row.code),
        );
        for (const [code, setting] of settings) {
          if (participatesOn(setting, day) !== inSql.has(code)) mismatches.push({ code, setting, day });
        }
      }
    }
    expect({ seed: SEED, mismatches }).toEqual({ seed: SEED, mismatches: [] });
  });

  it('EU-27 membership: isEuMemberState and EU_MEMBER_COUNTRIES_SQL, over every country', async () => {
    const countries = await dataSource.query<{ code: string; eu: boolean }[]>(
      `SELECT c.alpha2 AS code, c.alpha2 IN (SELECT country_code FROM ${EU_MEMBER_COUNTRIES_SQL} eu) AS eu
         FROM countries c`,
    );
    expect(countries.length).toBeGreaterThan(200);
    expect(countries.filter((country) => country.eu !== isEuMemberState(country.code))).toEqual([]);
    expect(countries.filter((country) => country.eu)).toHaveLength(27);
  });

  it('CEFR ranks: cefrRank and cefrRankSql, for every level and generated non-levels', async () => {
    const junk = Array.from(
      { length: 20 },
      () =>
        String.fromCharCode(65 + random.int(4)) + String(random.int(9)) + (random.next() < 0.2 ? ' ' : ''),
    );
    const codes = [...CEFR_CODES, 'a1', 'c2', '', 'B', ...junk];
    const mismatches: unknown[] = [];
    for (const code of codes) {
      const [row] = await dataSource.query<{ rank: number | null }[]>(`SELECT ${cefrRankSql('$1')} AS rank`, [
        code,
      ]);
      if (row.rank !== cefrRank(code)) mismatches.push({ code, sql: row.rank, ts: cefrRank(code) });
    }
    expect({ seed: SEED, mismatches }).toEqual({ seed: SEED, mismatches: [] });
  });

  it('partner countries refusing candidates on a day: allowsCandidates and countriesRefusingCandidatesSql', async () => {
    const countries = (
      await dataSource.query<{ code: string }[]>(
        'SELECT alpha2 AS code FROM countries WHERE NOT eu_member ORDER BY alpha2 LIMIT 40',
      )
    ).map((row) => row.code);
    const days: string[] = [];
    for (const code of countries) {
      const rows = random.int(4);
      for (let i = 0; i < rows; i++) {
        const effectiveFrom = random.day();
        days.push(effectiveFrom);
        await dataSource.query(
          `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason, recorded_at)
           VALUES ($1, $2, $3, 'generated case', now() - make_interval(secs => $4))`,
          [code, random.pick(PARTNER_COUNTRY_STATUSES), effectiveFrom, random.int(1000)],
        );
      }
    }
    const partnerCountries = context.get(PartnerCountries);
    const mismatches: unknown[] = [];
    for (let i = 0; i < 30; i++) {
      const day = i % 2 === 0 ? random.day() : random.pick(days);
      const statuses = await partnerCountries.statusesOn(countries, day);
      const refusing = new Set(
        (
          await dataSource.query<{ code: string }[]>(
            `SELECT country_code AS code FROM ${countriesRefusingCandidatesSql('$1::date')} r`,
            [day],
          )
        ).map((row) => row.code),
      );
      for (const code of countries) {
        const status = statuses.get(code)!.status;
        if (!allowsCandidates(status) !== refusing.has(code)) mismatches.push({ code, day, status });
      }
    }
    expect({ seed: SEED, mismatches }).toEqual({ seed: SEED, mismatches: [] });
  });

  it('verified employers: isVerified and VERIFIED_EMPLOYERS_SQL, for generated organisations', async () => {
    const statuses = Array.from({ length: 40 }, () => random.pick(EMPLOYER_STATUSES));
    const organisations = await dataSource.query<{ id: string; status: (typeof statuses)[number] }[]>(
      `INSERT INTO employer_organisations (name, country_code, status)
       SELECT 'Generated employer ' || n, 'NL', status FROM unnest($1::text[]) WITH ORDINALITY AS t(status, n)
       RETURNING id, status`,
      [statuses],
    );
    const verified = new Set(
      (await dataSource.query<{ id: string }[]>(`SELECT id FROM ${VERIFIED_EMPLOYERS_SQL} e`)).map(
        (row) => row.id,
      ),
    );
    const mismatches = organisations.filter((row) => isVerified(row.status) !== verified.has(row.id));
    expect({ seed: SEED, mismatches }).toEqual({ seed: SEED, mismatches: [] });
  });
});
