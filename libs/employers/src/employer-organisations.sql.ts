import { EMPLOYER_ACCOUNTS_SQL } from '@app/identity';
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

/**
 * The accounts of every employer organisation, for readers that address all of an organisation's
 * users (mail, notifications): `account_id`, `organisation_id`, `email` and `role`
 * (`organisation_admin` or `recruiter`). Removed colleagues are not in it.
 */
export const ORGANISATION_ACCOUNTS_SQL = `(SELECT ea.id AS account_id, ea.organisation_id, ea.email,
    CASE WHEN ea.is_organisation_admin THEN 'organisation_admin' ELSE 'recruiter' END AS role
    FROM ${EMPLOYER_ACCOUNTS_SQL} ea)`;
