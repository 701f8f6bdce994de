/**
 * Every vacancy, whatever its status, for SQL readers in other libraries: a relation of `id`,
 * `title`, `organisation_id`, `member_state`, `occupation_uri` and `contact_email`. Whether one is
 * live is `LIVE_VACANCY_WHERE`; its employer is `EMPLOYER_ORGANISATIONS_SQL` (from `@app/employers`).
 */
export const VACANCIES_SQL =
  '(SELECT id, title, organisation_id, member_state, occupation_uri, contact_email FROM vacancies)';
