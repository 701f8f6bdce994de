import { EMPLOYER_STATUSES, isVerified } from './employer-status';

const VERIFIED = EMPLOYER_STATUSES.filter(isVerified)
  .map((status) => `'${status}'`)
  .join(', ');

/**
 * Every employer organisation, for SQL readers: a relation of `id`, `name`, `status` and
 * `country_code` (the Member State it is established in).
 */
export const EMPLOYER_ORGANISATIONS_SQL =
  '(SELECT id, name, status, country_code FROM employer_organisations)';

/** `isVerified` for SQL readers: the organisations that may act and be seen (`id`, `name`). */
export const VERIFIED_EMPLOYERS_SQL = `(SELECT id, name FROM employer_organisations WHERE status IN (${VERIFIED}))`;
