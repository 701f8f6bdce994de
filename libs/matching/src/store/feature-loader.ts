import { CANDIDATE_MATCHING_PROFILES_SQL, candidatesOfCountrySql } from '@app/candidates';
import { VERIFIED_EMPLOYERS_SQL } from '@app/employers';
import { countriesRefusingCandidatesSql } from '@app/partner-countries';
import { cefrRank, EU_MEMBER_COUNTRIES_SQL, participatingMemberStatesSql } from '@app/reference-data';
import {
  CURRENT_TAXONOMY_VERSION_SQL,
  OCCUPATIONS_SQL,
  PROFILED_OCCUPATIONS_SQL,
  SKILL_BROADER_LINKS_SQL,
  SKILL_PROFILE_COUNTS_SQL,
  SKILL_RELATED_LINKS_SQL,
} from '@app/taxonomy';
import type { OccupationScope } from '@app/queue';
import { occupationScopeSql, VACANCIES_SQL } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { MatchCandidateInput, MatchVacancyInput } from '../scoring/match-input';
import type { SkillEdges } from '../scoring/skill-space';
import type { CandidateGate, EligibilityFacts, VacancyGate } from './feature-records';

export interface LoadedCandidate {
  input: MatchCandidateInput;
  gate: CandidateGate;
  updatedAt: Date;
}

export interface LoadedVacancy {
  input: MatchVacancyInput;
  gate: VacancyGate;
  updatedAt: Date;
}

/** A row's id and the version it is at: `updated_at` in microseconds, as text. */
export interface Version {
  id: string;
  version: string;
}

interface CandidateRow {
  id: string;
  status: string;
  availability: string;
  expires_at: Date | null;
  countries: string[];
  preferred_member_states: string[];
  earliest_start_date: string | null;
  updated_at: Date;
  skills: string[];
  occupations: { uri: string; isco: string; years: number }[];
  languages: Record<string, number>;
  eqf: number | null;
}

interface VacancyRow {
  id: string;
  organisation_id: string;
  status: string;
  expires_at: Date | null;
  occupation_uri: string;
  isco_code: string;
  member_state: string;
  start_date: string | null;
  skills: { uri: string; requirement: 'essential' | 'optional' }[];
  languages: { code: string; minCefr: string; requirement: 'required' | 'preferred' }[];
  min_eqf_level: number | null;
  min_experience_years: number | null;
  updated_at: Date;
}

const CANDIDATE_SELECT = `SELECT c.* FROM ${CANDIDATE_MATCHING_PROFILES_SQL} c`;

const VACANCY_SELECT = `
  SELECT v.id, v.organisation_id, v.status, v.expires_at, v.occupation_uri, o.isco_code, v.member_state,
         v.start_date::text AS start_date, v.skills, v.languages, v.min_eqf_level, v.min_experience_years,
         v.updated_at
    FROM ${VACANCIES_SQL} v JOIN ${OCCUPATIONS_SQL} o ON o.uri = v.occupation_uri`;

/** Reads what matching needs from Postgres, in pages, as scoring inputs and eligibility gates. */
@Injectable()
export class FeatureLoader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async taxonomyVersion(): Promise<string> {
    const [row] = await this.dataSource.query<{ version: string }[]>(
      `SELECT ${CURRENT_TAXONOMY_VERSION_SQL} AS version`,
    );
    return row?.version ?? '';
  }

  async skillEdges(): Promise<SkillEdges> {
    const broader = await this.dataSource.query<{ a: string; b: string }[]>(
      `SELECT skill_uri AS a, broader_uri AS b FROM ${SKILL_BROADER_LINKS_SQL} broader`,
    );
    const related = await this.dataSource.query<{ a: string; b: string }[]>(
      `SELECT skill_uri AS a, related_skill_uri AS b FROM ${SKILL_RELATED_LINKS_SQL} related`,
    );
    return {
      broader: broader.map((row) => [row.a, row.b] as const),
      related: related.map((row) => [row.a, row.b] as const),
      profiles: await this.skillProfiles(null),
    };
  }

  /**
   * How many ESCO occupations have a skill profile, and for each skill (of `uris`, or every skill)
   * how many list it: what a skill's rarity is computed from.
   */
  private async skillProfiles(uris: readonly string[] | null): Promise<NonNullable<SkillEdges['profiles']>> {
    const rows = await this.dataSource.query<{ uri: string; occupations: number }[]>(
      `SELECT p.skill_uri AS uri, p.occupations
         FROM ${SKILL_PROFILE_COUNTS_SQL} p WHERE $1::text[] IS NULL OR p.skill_uri = ANY($1::text[])`,
      [uris],
    );
    const [total] = await this.dataSource.query<{ total: number }[]>(
      `SELECT ${PROFILED_OCCUPATIONS_SQL} AS total`,
    );
    return { occupations: total.total, listing: rows.map((row) => [row.uri, row.occupations] as const) };
  }

  /** The ESCO edges between these skills only: enough to score pairs that hold nothing else. */
  async skillEdgesAmong(uris: readonly string[]): Promise<SkillEdges> {
    if (uris.length === 0) return { broader: [], related: [] };
    const among = [...new Set(uris)];
    const broader = await this.dataSource.query<{ a: string; b: string }[]>(
      `SELECT skill_uri AS a, broader_uri AS b FROM ${SKILL_BROADER_LINKS_SQL} broader
        WHERE skill_uri = ANY($1::text[]) AND broader_uri = ANY($1::text[])`,
      [among],
    );
    const related = await this.dataSource.query<{ a: string; b: string }[]>(
      `SELECT skill_uri AS a, related_skill_uri AS b FROM ${SKILL_RELATED_LINKS_SQL} related
        WHERE skill_uri = ANY($1::text[]) AND related_skill_uri = ANY($1::text[])`,
      [among],
    );
    return {
      broader: broader.map((row) => [row.a, row.b] as const),
      related: related.map((row) => [row.a, row.b] as const),
      profiles: await this.skillProfiles(among),
    };
  }

  async facts(): Promise<EligibilityFacts> {
    const [employers, states, blocked] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(`SELECT id FROM ${VERIFIED_EMPLOYERS_SQL} e`),
      this.dataSource.query<{ code: string }[]>(
        `SELECT country_code AS code FROM ${participatingMemberStatesSql('current_date')} m`,
      ),
      this.dataSource.query<{ code: string }[]>(
        `SELECT country_code AS code FROM ${EU_MEMBER_COUNTRIES_SQL} eu
         UNION SELECT country_code FROM ${countriesRefusingCandidatesSql('current_date')} refusing`,
      ),
    ]);
    return {
      verifiedEmployers: new Set(employers.map((row) => row.id)),
      participatingStates: new Set(states.map((row) => row.code)),
      blockedCountries: new Set(blocked.map((row) => row.code)),
    };
  }

  /** Active, available candidates in id order, a page at a time (the initial load). */
  async activeCandidatesAfter(after: string | null, limit: number): Promise<LoadedCandidate[]> {
    const rows = await this.dataSource.query<CandidateRow[]>(
      `${CANDIDATE_SELECT} WHERE c.status = 'active' AND c.availability = 'available'
          AND ($1::uuid IS NULL OR c.id > $1) ORDER BY c.id LIMIT $2`,
      [after, limit],
    );
    return rows.map(toCandidate);
  }

  async candidatesByIds(ids: readonly string[]): Promise<LoadedCandidate[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<CandidateRow[]>(
      `${CANDIDATE_SELECT} WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toCandidate);
  }

  /**
   * The candidates changed since `since`, each with its version: `updated_at` in microseconds, as
   * text, so two changes within one millisecond still differ.
   */
  candidateVersionsSince(since: Date): Promise<Version[]> {
    return this.versionsSince(CANDIDATE_MATCHING_PROFILES_SQL, since);
  }

  /** The vacancies changed since `since`, each with its version, as `candidateVersionsSince` gives them. */
  vacancyVersionsSince(since: Date): Promise<Version[]> {
    return this.versionsSince(VACANCIES_SQL, since);
  }

  private versionsSince(source: string, since: Date): Promise<Version[]> {
    return this.dataSource.query<Version[]>(
      `SELECT r.id, (extract(epoch FROM r.updated_at) * 1000000)::bigint::text AS version
         FROM ${source} r WHERE r.updated_at >= $1`,
      [since],
    );
  }

  async candidateIdsByCountry(code: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM ${candidatesOfCountrySql('$1')} c ORDER BY id`,
      [code],
    );
    return rows.map((row) => row.id);
  }

  async publishedVacancies(): Promise<LoadedVacancy[]> {
    const rows = await this.dataSource.query<VacancyRow[]>(
      `${VACANCY_SELECT} WHERE v.status = 'published' AND v.expires_at > now()`,
    );
    return this.toVacancies(rows);
  }

  async vacanciesByIds(ids: readonly string[]): Promise<LoadedVacancy[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<VacancyRow[]>(`${VACANCY_SELECT} WHERE v.id = ANY($1::uuid[])`, [
      ids,
    ]);
    return this.toVacancies(rows);
  }

  async vacancyIdsWhere(scope: { organisationId?: string; memberState?: string }): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM ${VACANCIES_SQL} v WHERE ($1::uuid IS NULL OR organisation_id = $1)
          AND ($2::text IS NULL OR member_state = $2) ORDER BY id`,
      [scope.organisationId ?? null, scope.memberState ?? null],
    );
    return rows.map((row) => row.id);
  }

  async vacancyIdsOfOccupations(scope: OccupationScope): Promise<string[]> {
    const { sql, params } = occupationScopeSql(scope);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM ${VACANCIES_SQL} v WHERE ${sql} ORDER BY id`,
      params,
    );
    return rows.map((row) => row.id);
  }

  private toVacancies(rows: VacancyRow[]): LoadedVacancy[] {
    return rows.map((row) => ({
      input: {
        id: row.id,
        occupationUri: row.occupation_uri,
        iscoCode: row.isco_code,
        memberState: row.member_state.trim(),
        startDate: row.start_date,
        skills: row.skills.map((skill) => ({ uri: skill.uri, requirement: skill.requirement })),
        languages: row.languages.map((language) => ({
          code: language.code.toLowerCase(),
          minCefrRank: cefrRank(language.minCefr) ?? 0,
          requirement: language.requirement,
        })),
        minEqfLevel: row.min_eqf_level,
        minExperienceYears: row.min_experience_years,
      },
      gate: {
        status: row.status,
        expiresAt: row.expires_at?.getTime() ?? null,
        organisationId: row.organisation_id,
      },
      updatedAt: row.updated_at,
    }));
  }
}

function toCandidate(row: CandidateRow): LoadedCandidate {
  return {
    input: {
      id: row.id,
      occupations: row.occupations.map((occupation) => ({
        uri: occupation.uri,
        iscoCode: occupation.isco,
        yearsOfExperience: occupation.years,
      })),
      skills: row.skills,
      languages: Object.entries(row.languages).map(([code, cefrRank]) => ({ code: code.trim(), cefrRank })),
      eqfLevel: row.eqf,
      preferredMemberStates: row.preferred_member_states.map((code) => code.trim()),
      earliestStartDate: row.earliest_start_date,
    },
    gate: {
      status: row.status,
      availability: row.availability,
      expiresAt: row.expires_at?.getTime() ?? null,
      countries: row.countries.map((code) => code.trim()),
    },
    updatedAt: row.updated_at,
  };
}
