import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  Availability,
  CandidateStatus,
  ProfileSections,
  ProgrammeType,
  SkillLevel,
} from '../candidate.types';
import { LIST_SECTIONS, replaceSection } from './section-rows';

export interface CandidateRow {
  id: string;
  accountId: string;
  referenceCode: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  residenceCountry: string;
  citizenships: string[];
  phone: string | null;
  status: CandidateStatus;
  availability: Availability;
  earliestStartDate: string | null;
  preferredMemberStates: string[];
  programmeType: ProgrammeType | null;
  programmePartnerCountry: string | null;
  activatedAt: Date | null;
  expiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewCandidateRow {
  accountId: string;
  referenceCode: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  residenceCountry: string;
  citizenships: string[];
  phone: string | null;
}

const COLUMNS = `id, account_id AS "accountId", reference_code AS "referenceCode", given_name AS "givenName",
  family_name AS "familyName", date_of_birth::text AS "dateOfBirth", residence_country AS "residenceCountry",
  citizenships::text[] AS citizenships, phone_e164 AS phone, status, availability,
  earliest_start_date::text AS "earliestStartDate", preferred_member_states::text[] AS "preferredMemberStates",
  programme_type AS "programmeType", programme_partner_country AS "programmePartnerCountry",
  activated_at AS "activatedAt", expires_at AS "expiresAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Row locks by what the transaction then does with the row. */
const ROW_LOCKS = { update: ' FOR NO KEY UPDATE', delete: ' FOR UPDATE' } as const;

const num = (value: string | null): number | null => (value === null ? null : Number(value));

/** One connection runs one query at a time: a transaction's queries must not overlap. */
async function inSequence<T extends (() => Promise<unknown>)[]>(
  tasks: [...T],
): Promise<{ [K in keyof T]: T[K] extends () => Promise<infer R> ? R : never }> {
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as { [K in keyof T]: T[K] extends () => Promise<infer R> ? R : never };
}

/** SQL for the candidate tables; every value is a bound parameter. */
@Injectable()
export class CandidateRepository {
  /** Null when the row could not be inserted (account already registered, or a code collision). */
  async insert(manager: EntityManager, row: NewCandidateRow): Promise<CandidateRow | null> {
    const rows: CandidateRow[] = await manager.query(
      `INSERT INTO candidates (account_id, reference_code, given_name, family_name, date_of_birth,
         residence_country, citizenships, phone_e164)
       VALUES ($1, $2, $3, $4, $5, $6, $7::char(2)[], $8)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [
        row.accountId,
        row.referenceCode,
        row.givenName,
        row.familyName,
        row.dateOfBirth,
        row.residenceCountry,
        row.citizenships,
        row.phone,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * The account's candidate row; with `lock`, locked for the transaction: `update` for a write that
   * keeps its keys, which leaves rows that reference it free to be written meanwhile (a worker
   * writing match sets holds the candidate's key share while it does), `delete` for its removal.
   */
  async findByAccount(
    manager: EntityManager,
    accountId: string,
    options: { lock?: 'update' | 'delete' } = {},
  ): Promise<CandidateRow | null> {
    const lock = options.lock === undefined ? '' : ROW_LOCKS[options.lock];
    const rows: CandidateRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM candidates WHERE account_id = $1${lock}`,
      [accountId],
    );
    return rows[0] ?? null;
  }

  async findByReferenceCode(manager: EntityManager, referenceCode: string): Promise<CandidateRow | null> {
    const rows: CandidateRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM candidates WHERE reference_code = $1`,
      [referenceCode],
    );
    return rows[0] ?? null;
  }

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<CandidateRow[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${COLUMNS} FROM candidates WHERE id = ANY($1::uuid[])`, [[...ids]]);
  }

  /** Ids of a page of candidates, ordered by id, after `afterId`. */
  async pageOfIds(manager: EntityManager, afterId: string | null, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM candidates WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Ids of candidates whose row changed at or after `since` (the database clock). */
  async idsUpdatedSince(manager: EntityManager, since: Date): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM candidates WHERE updated_at >= $1', [
      since,
    ]);
    return rows.map((row) => row.id);
  }

  /** Those of `referenceCodes` no candidate holds any more (erased). */
  async unknownReferenceCodes(manager: EntityManager, referenceCodes: readonly string[]): Promise<string[]> {
    if (referenceCodes.length === 0) return [];
    const rows: { code: string }[] = await manager.query(
      `SELECT code FROM unnest($1::text[]) AS t(code)
        WHERE NOT EXISTS (SELECT 1 FROM candidates c WHERE c.reference_code = t.code)`,
      [[...referenceCodes]],
    );
    return rows.map((row) => row.code);
  }

  async idsByCountry(manager: EntityManager, countryCode: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM candidates WHERE residence_country = $1 OR citizenships @> ARRAY[$1]::char(2)[]`,
      [countryCode],
    );
    return rows.map((row) => row.id);
  }

  /** Sections of several candidates in one round of queries. */
  async sectionsOf(
    manager: EntityManager,
    rows: readonly CandidateRow[],
  ): Promise<Map<string, ProfileSections>> {
    const ids = rows.map((row) => row.id);
    const [occupations, skills, languages, education, qualifications, work] = await inSequence([
      () =>
        manager.query<{ candidate_id: string; occupation_uri: string; years: string }[]>(
          `SELECT candidate_id, occupation_uri, years_of_experience AS years FROM candidate_occupations
          WHERE candidate_id = ANY($1::uuid[]) ORDER BY occupation_uri`,
          [ids],
        ),
      () =>
        manager.query<
          {
            candidate_id: string;
            skill_uri: string;
            level: SkillLevel | null;
            years: string | null;
            programme: boolean;
          }[]
        >(
          `SELECT candidate_id, skill_uri, level, years_of_experience AS years, programme FROM candidate_skills
          WHERE candidate_id = ANY($1::uuid[]) ORDER BY skill_uri`,
          [ids],
        ),
      () =>
        manager.query<{ candidate_id: string; language_code: string; cefr_level: string }[]>(
          `SELECT candidate_id, language_code, cefr_level FROM candidate_languages
          WHERE candidate_id = ANY($1::uuid[]) ORDER BY language_code`,
          [ids],
        ),
      () =>
        manager.query<
          {
            candidate_id: string;
            eqf_level: number;
            field: string;
            country_code: string;
            completion_year: number;
          }[]
        >(
          `SELECT candidate_id, eqf_level, field, country_code, completion_year FROM candidate_education
          WHERE candidate_id = ANY($1::uuid[]) ORDER BY position`,
          [ids],
        ),
      () =>
        manager.query<
          {
            candidate_id: string;
            title: string;
            issuer: string | null;
            country_code: string | null;
            year: number | null;
          }[]
        >(
          `SELECT candidate_id, title, issuer, country_code, year FROM candidate_qualifications
          WHERE candidate_id = ANY($1::uuid[]) ORDER BY position`,
          [ids],
        ),
      () =>
        manager.query<
          {
            candidate_id: string;
            occupation_uri: string;
            employer_name: string;
            country_code: string;
            start_date: string;
            end_date: string | null;
          }[]
        >(
          `SELECT candidate_id, occupation_uri, employer_name, country_code, start_date::text AS start_date,
                end_date::text AS end_date
           FROM candidate_work_experience WHERE candidate_id = ANY($1::uuid[]) ORDER BY position`,
          [ids],
        ),
    ]);
    const result = new Map<string, ProfileSections>(
      rows.map((row) => [
        row.id,
        {
          occupations: [],
          skills: [],
          languages: [],
          education: [],
          qualifications: [],
          workExperience: [],
          preferredMemberStates: row.preferredMemberStates,
          earliestStartDate: row.earliestStartDate,
          availability: row.availability,
          programme:
            row.programmeType && row.programmePartnerCountry
              ? { type: row.programmeType, partnerCountry: row.programmePartnerCountry }
              : null,
        },
      ]),
    );
    const of = (id: string) => result.get(id)!;
    for (const o of occupations)
      of(o.candidate_id).occupations.push({ uri: o.occupation_uri, yearsOfExperience: Number(o.years) });
    for (const s of skills)
      of(s.candidate_id).skills.push({
        uri: s.skill_uri,
        level: s.level,
        yearsOfExperience: num(s.years),
        viaProgramme: s.programme,
      });
    for (const l of languages)
      of(l.candidate_id).languages.push({ code: l.language_code, cefr: l.cefr_level });
    for (const e of education)
      of(e.candidate_id).education.push({
        eqfLevel: e.eqf_level,
        field: e.field,
        countryCode: e.country_code,
        completionYear: e.completion_year,
      });
    for (const q of qualifications)
      of(q.candidate_id).qualifications.push({
        title: q.title,
        issuer: q.issuer,
        countryCode: q.country_code,
        year: q.year,
      });
    for (const w of work)
      of(w.candidate_id).workExperience.push({
        occupationUri: w.occupation_uri,
        employerName: w.employer_name,
        countryCode: w.country_code,
        startDate: w.start_date,
        endDate: w.end_date,
      });
    return result;
  }

  /** Replaces the sections present in `sections`; absent ones are left alone. */
  async replaceSections(
    manager: EntityManager,
    candidateId: string,
    sections: Partial<ProfileSections>,
  ): Promise<void> {
    for (const section of LIST_SECTIONS)
      await replaceSection(manager, candidateId, section, sections[section]);
  }

  /** Updates the columns of the candidate row that are given, and always `updated_at`. */
  async updateRow(
    manager: EntityManager,
    candidateId: string,
    changes: {
      givenName?: string;
      familyName?: string;
      phone?: string | null;
      residenceCountry?: string;
      citizenships?: string[];
      preferredMemberStates?: string[];
      earliestStartDate?: string | null;
      availability?: Availability;
      programme?: { type: ProgrammeType; partnerCountry: string } | null;
    },
  ): Promise<void> {
    const has = (key: keyof typeof changes) => changes[key] !== undefined;
    await manager.query(
      `UPDATE candidates SET
         given_name = CASE WHEN $2 THEN $3 ELSE given_name END,
         family_name = CASE WHEN $4 THEN $5 ELSE family_name END,
         phone_e164 = CASE WHEN $6 THEN $7 ELSE phone_e164 END,
         residence_country = CASE WHEN $8 THEN $9 ELSE residence_country END,
         citizenships = CASE WHEN $10 THEN $11::char(2)[] ELSE citizenships END,
         preferred_member_states = CASE WHEN $12 THEN $13::char(2)[] ELSE preferred_member_states END,
         earliest_start_date = CASE WHEN $14 THEN $15::date ELSE earliest_start_date END,
         availability = CASE WHEN $16 THEN $17 ELSE availability END,
         programme_type = CASE WHEN $18 THEN $19 ELSE programme_type END,
         programme_partner_country = CASE WHEN $18 THEN $20 ELSE programme_partner_country END,
         updated_at = now()
       WHERE id = $1`,
      [
        candidateId,
        has('givenName'),
        changes.givenName ?? null,
        has('familyName'),
        changes.familyName ?? null,
        has('phone'),
        changes.phone ?? null,
        has('residenceCountry'),
        changes.residenceCountry ?? null,
        has('citizenships'),
        changes.citizenships ?? null,
        has('preferredMemberStates'),
        changes.preferredMemberStates ?? null,
        has('earliestStartDate'),
        changes.earliestStartDate ?? null,
        has('availability'),
        changes.availability ?? null,
        has('programme'),
        changes.programme?.type ?? null,
        changes.programme?.partnerCountry ?? null,
      ],
    );
  }
}
