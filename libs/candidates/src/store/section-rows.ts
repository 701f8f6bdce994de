import type { EntityManager } from 'typeorm';
import type { ProfileSections } from '../candidate.types';

export const LIST_SECTIONS = [
  'occupations',
  'skills',
  'languages',
  'education',
  'qualifications',
  'workExperience',
] as const;
type ListSection = (typeof LIST_SECTIONS)[number];

/** A list section's child table: its columns, each with its Postgres type and where its value comes from. */
interface SectionRows<T> {
  table: string;
  /** Rows keep the order they were given in, in a `position` column. */
  ordered: boolean;
  columns: { name: string; type: string; value: (entry: T) => unknown }[];
}

type SectionTables = { [K in ListSection]: SectionRows<ProfileSections[K][number]> };

/** Table and column names are constants of this file, never input; values always travel as parameters. */
const SECTION_TABLES: SectionTables = {
  occupations: {
    table: 'candidate_occupations',
    ordered: false,
    columns: [
      { name: 'occupation_uri', type: 'text', value: (entry) => entry.uri },
      { name: 'years_of_experience', type: 'numeric', value: (entry) => entry.yearsOfExperience },
    ],
  },
  skills: {
    table: 'candidate_skills',
    ordered: false,
    columns: [
      { name: 'skill_uri', type: 'text', value: (entry) => entry.uri },
      { name: 'level', type: 'text', value: (entry) => entry.level ?? null },
      { name: 'years_of_experience', type: 'numeric', value: (entry) => entry.yearsOfExperience ?? null },
      { name: 'programme', type: 'boolean', value: (entry) => entry.viaProgramme ?? false },
    ],
  },
  languages: {
    table: 'candidate_languages',
    ordered: false,
    columns: [
      { name: 'language_code', type: 'text', value: (entry) => entry.code },
      { name: 'cefr_level', type: 'text', value: (entry) => entry.cefr },
    ],
  },
  education: {
    table: 'candidate_education',
    ordered: true,
    columns: [
      { name: 'eqf_level', type: 'smallint', value: (entry) => entry.eqfLevel },
      { name: 'field', type: 'text', value: (entry) => entry.field },
      { name: 'country_code', type: 'text', value: (entry) => entry.countryCode },
      { name: 'completion_year', type: 'smallint', value: (entry) => entry.completionYear },
    ],
  },
  qualifications: {
    table: 'candidate_qualifications',
    ordered: true,
    columns: [
      { name: 'title', type: 'text', value: (entry) => entry.title },
      { name: 'issuer', type: 'text', value: (entry) => entry.issuer ?? null },
      { name: 'country_code', type: 'text', value: (entry) => entry.countryCode ?? null },
      { name: 'year', type: 'smallint', value: (entry) => entry.year ?? null },
    ],
  },
  workExperience: {
    table: 'candidate_work_experience',
    ordered: true,
    columns: [
      { name: 'occupation_uri', type: 'text', value: (entry) => entry.occupationUri },
      { name: 'employer_name', type: 'text', value: (entry) => entry.employerName },
      { name: 'country_code', type: 'text', value: (entry) => entry.countryCode },
      { name: 'start_date', type: 'date', value: (entry) => entry.startDate },
      { name: 'end_date', type: 'date', value: (entry) => entry.endDate ?? null },
    ],
  },
};

/** Replaces a candidate's rows of one section with `entries` (nothing when absent), one array parameter per column. */
export async function replaceSection<K extends ListSection>(
  manager: EntityManager,
  candidateId: string,
  section: K,
  entries: ProfileSections[K] | undefined,
): Promise<void> {
  if (!entries) return;
  await replaceRows(manager, candidateId, SECTION_TABLES[section], entries);
}

async function replaceRows<T>(
  manager: EntityManager,
  candidateId: string,
  rows: SectionRows<T>,
  entries: readonly T[],
): Promise<void> {
  await manager.query(`DELETE FROM ${rows.table} WHERE candidate_id = $1`, [candidateId]);
  const names = rows.columns.map((column) => column.name);
  const arrays = rows.columns.map((column, index) => `$${index + 2}::${column.type}[]`).join(', ');
  const aliases = rows.columns.map((_, index) => `c${index}`).join(', ');
  const sql = rows.ordered
    ? `INSERT INTO ${rows.table} (candidate_id, position, ${names.join(', ')})
       SELECT $1, ordinality, ${aliases} FROM unnest(${arrays}) WITH ORDINALITY AS t(${aliases}, ordinality)`
    : `INSERT INTO ${rows.table} (candidate_id, ${names.join(', ')}) SELECT $1, * FROM unnest(${arrays})`;
  await manager.query(sql, [candidateId, ...rows.columns.map((column) => entries.map(column.value))]);
}
