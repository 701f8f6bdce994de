import { ADMIN_NAVIGATION } from '../pages/admin/admin.navigation';
import { CANDIDATE_NAVIGATION } from '../pages/candidate/candidate.navigation';
import { EMPLOYER_NAVIGATION } from '../pages/employer/employer.navigation';
import { NCP_NAVIGATION } from '../pages/ncp/ncp.navigation';
import type { WebRole } from '../session/web-session';

/** One entry of the signed-in menu: a path of the site and the message key of its label. */
export interface NavigationItem {
  readonly path: string;
  readonly label: string;
  /** `unread`: the entry shows how many notifications are not read yet. */
  readonly badge?: 'unread';
}

/** Each kind of account's menu; its first entry is where signing in leads. */
export const NAVIGATION: Record<WebRole, readonly NavigationItem[]> = {
  candidate: CANDIDATE_NAVIGATION,
  employer: EMPLOYER_NAVIGATION,
  ncp: NCP_NAVIGATION,
  admin: ADMIN_NAVIGATION,
};

/** Where an account of this kind starts after signing in. */
export function homeOf(role: WebRole): string {
  return NAVIGATION[role][0].path;
}
