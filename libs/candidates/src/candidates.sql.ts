import { cefrRankSql } from '@app/reference-data';
import { OCCUPATIONS_SQL } from '@app/taxonomy';

/**
 * What the candidates library publishes for SQL readers (matching above all): relations with the
 * columns named in each comment, and nothing that identifies a person beyond the reference code.
 */

/** Candidates: `id`, `account_id`, `reference_code`, `status`, `availability`, `expires_at`, `updated_at`. */
export const CANDIDATES_SQL = `(SELECT id, account_id, reference_code, status, availability, expires_at, updated_at
  FROM candidates)`;

/** The candidates residing in or citizens of the country in the SQL parameter `param` (e.g. `$1`): `id`. */
export function candidatesOfCountrySql(param: string): string {
  return `(SELECT id FROM candidates WHERE residence_country = ${param}
    OR citizenships @> ARRAY[${param}]::char(2)[])`;
}

/** Skills on profiles: `candidate_id`, `skill_uri`. */
export const CANDIDATE_SKILLS_SQL = '(SELECT candidate_id, skill_uri FROM candidate_skills)';

/** Occupations on profiles: `candidate_id`, `occupation_uri`, `years_of_experience`. */
export const CANDIDATE_OCCUPATIONS_SQL =
  '(SELECT candidate_id, occupation_uri, years_of_experience FROM candidate_occupations)';

/**
 * One row per candidate with what matching scores and gates on: `id`, `status`, `availability`,
 * `expires_at`, `countries` (residence then citizenships, for eligibility only), `preferred_member_states`,
 * `earliest_start_date` (text), `updated_at`, `skills` (JSON array of URIs: the client parses it natively,
 * a `text[]` character by character, at twice the CPU), `occupations` (JSON `{uri, isco, years}`),
 * `languages` (JSON code → CEFR rank) and `eqf` (highest EQF level of their education).
 */
export const CANDIDATE_MATCHING_PROFILES_SQL = `(
  SELECT c.id, c.status, c.availability, c.expires_at,
         array_prepend(c.residence_country, c.citizenships)::text[] AS countries,
         c.preferred_member_states::text[] AS preferred_member_states,
         c.earliest_start_date::text AS earliest_start_date, c.updated_at,
         coalesce((SELECT json_agg(s.skill_uri ORDER BY s.skill_uri) FROM candidate_skills s
                    WHERE s.candidate_id = c.id), '[]') AS skills,
         coalesce((SELECT json_agg(json_build_object('uri', o.occupation_uri, 'isco', oc.isco_code,
                                                     'years', o.years_of_experience::float8))
                     FROM candidate_occupations o JOIN ${OCCUPATIONS_SQL} oc ON oc.uri = o.occupation_uri
                    WHERE o.candidate_id = c.id), '[]') AS occupations,
         coalesce((SELECT json_object_agg(l.language_code, coalesce(${cefrRankSql('l.cefr_level')}, 0))
                     FROM candidate_languages l WHERE l.candidate_id = c.id), '{}') AS languages,
         (SELECT max(e.eqf_level) FROM candidate_education e WHERE e.candidate_id = c.id) AS eqf
    FROM candidates c)`;
