/**
 * Every vacancy, whatever its status, for SQL readers in other libraries: a relation of `id`,
 * `organisation_id`, `status`, `title`, `occupation_uri`, `member_state`, `city`, `start_date`,
 * `skills` (JSON `{uri, requirement}`), `languages` (JSON `{code, minCefr, requirement}`),
 * `min_eqf_level`, `min_experience_years`, `published_at`, `expires_at`, `updated_at` and
 * `contact_email`. Pay is left out. Whether one is live is `LIVE_VACANCY_WHERE`; its employer is
 * `EMPLOYER_ORGANISATIONS_SQL` (from `@app/employers`).
 */
export const VACANCIES_SQL = `(SELECT id, organisation_id, status, title, occupation_uri, member_state, city,
  start_date, skills, languages, min_eqf_level, min_experience_years, published_at, expires_at, updated_at,
  contact_email
  FROM vacancies)`;
