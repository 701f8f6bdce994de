/**
 * Account addresses for SQL readers that mail account holders in their own transaction: a relation
 * of `id` and `email`. Never for logs or answers.
 */
export const ACCOUNT_ADDRESSES_SQL = '(SELECT id, email FROM accounts)';

/**
 * The enabled accounts of employer organisations, for the employers library that publishes them per
 * organisation: `id`, `email`, `organisation_id`, `is_organisation_admin`.
 */
export const EMPLOYER_ACCOUNTS_SQL = `(SELECT id, email, employer_organisation_id AS organisation_id, is_organisation_admin
    FROM accounts WHERE role = 'employer' AND disabled_at IS NULL AND employer_organisation_id IS NOT NULL)`;
