export const ACCOUNT_ROLES = ['candidate', 'employer', 'ncp', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
