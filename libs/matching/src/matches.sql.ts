/**
 * The stored matches for SQL readers (notices of new matches): each pair, and whether it is in the
 * vacancy's top set (shown to the employer) or the candidate's (shown to the candidate).
 */
export const MATCHES_SQL = '(SELECT vacancy_id, candidate_id, in_vacancy_top, in_candidate_top FROM matches)';
