/**
 * The one rule for "this vacancy is live": published, not past its expiry, of a verified employer,
 * in a Member State participating today. Search indexing, the public page and contact features
 * read it; the aliases are `v` (vacancies), `e` (employer_organisations) and `m` (member_states).
 */
export const LIVE_VACANCY_FROM = `FROM vacancies v JOIN employer_organisations e ON e.id = v.organisation_id
  LEFT JOIN member_states m ON m.country_code = v.member_state`;

export const LIVE_VACANCY_WHERE = `v.status = 'published' AND v.expires_at > now() AND e.status = 'verified'
  AND m.participating AND (m.participation_start_date IS NULL OR m.participation_start_date <= current_date)
  AND (m.withdrawal_date IS NULL OR m.withdrawal_date > current_date)`;
