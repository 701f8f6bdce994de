import type { NavigationItem } from '../../views/navigation';

// One entry per line: the first is the home page after signing in.
export const ADMIN_NAVIGATION: readonly NavigationItem[] = [
  { path: '/admin', label: 'site.home' },
  { path: '/admin/partner-countries', label: 'admin.nav.partnerCountries' },
  { path: '/admin/shortage-list', label: 'admin.nav.shortageList' },
  { path: '/admin/member-states', label: 'admin.nav.memberStates' },
  { path: '/admin/ncp-invitations', label: 'admin.nav.invite' },
  { path: '/admin/audit', label: 'adminOperations.nav.audit' },
  { path: '/admin/statistics', label: 'adminOperations.nav.statistics' },
  { path: '/admin/jobs', label: 'adminOperations.nav.jobs' },
  { path: '/admin/duplicates', label: 'adminOperations.nav.duplicates' },
  { path: '/admin/queues', label: 'adminOperations.nav.queues' },
];
