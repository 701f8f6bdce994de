import type { OccupationScope } from '@app/queue';
import { OCCUPATIONS_SQL } from '@app/taxonomy';

/**
 * Vacancies for SQL readers: `id`, `organisation_id`, `status`, `title`, `occupation_uri`,
 * `member_state`, `city`, `start_date`, `skills` (JSON `{uri, requirement}`), `languages` (JSON
 * `{code, minCefr, requirement}`), `min_eqf_level`, `min_experience_years`, `published_at`,
 * `expires_at`, `updated_at`. Contact details and pay are left out.
 */
export const VACANCIES_SQL = `(SELECT id, organisation_id, status, title, occupation_uri, member_state, city,
  start_date, skills, languages, min_eqf_level, min_experience_years, published_at, expires_at, updated_at
  FROM vacancies)`;

/**
 * A condition on `v` (vacancies) selecting the vacancies of these occupations (by URI, or by ISCO
 * code covering every occupation of the group) in the Member State, or in every one when null.
 */
export function occupationScopeSql(scope: OccupationScope): { sql: string; params: unknown[] } {
  return {
    sql: `($1::text IS NULL OR v.member_state = $1)
      AND (v.occupation_uri = ANY($2::text[])
           OR v.occupation_uri IN (SELECT uri FROM ${OCCUPATIONS_SQL} o WHERE o.isco_code LIKE ANY($3::text[])))`,
    params: [scope.memberState, scope.occupationUris, scope.iscoCodes.map((code) => `${code}%`)],
  };
}
