import { EMPLOYER_ORGANISATIONS_SQL, VERIFIED_EMPLOYERS_SQL } from '@app/employers';
import { participatingMemberStatesSql } from '@app/reference-data';

/**
 * The one rule for "this vacancy is live": published, not past its expiry, of a verified employer,
 * in a Member State participating today. Search indexing, the public page and contact features
 * read it; the condition needs only `v` (vacancies), and `LIVE_VACANCY_FROM` adds `e` (the
 * employer: `id`, `name`, `status`). Verification and participation are the rules their owners
 * publish.
 */
export const LIVE_VACANCY_FROM = `FROM vacancies v JOIN ${EMPLOYER_ORGANISATIONS_SQL} e ON e.id = v.organisation_id`;

export const LIVE_VACANCY_WHERE = `v.status = 'published' AND v.expires_at > now()
  AND v.organisation_id IN (SELECT id FROM ${VERIFIED_EMPLOYERS_SQL} verified)
  AND v.member_state IN (SELECT country_code FROM ${participatingMemberStatesSql('current_date')} m)`;
