/**
 * Account addresses for SQL readers that mail account holders in their own transaction: a relation
 * of `id` and `email`. Never for logs or answers.
 */
export const ACCOUNT_ADDRESSES_SQL = '(SELECT id, email FROM accounts)';
