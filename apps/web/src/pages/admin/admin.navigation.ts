import type { NavigationItem } from '../../views/navigation';

export const ADMIN_NAVIGATION: readonly NavigationItem[] = [
  { path: '/admin', label: 'site.home' },
  { path: '/admin/audit', label: 'adminOperations.nav.audit' },
  { path: '/admin/statistics', label: 'adminOperations.nav.statistics' },
  { path: '/admin/jobs', label: 'adminOperations.nav.jobs' },
  { path: '/admin/duplicates', label: 'adminOperations.nav.duplicates' },
  { path: '/admin/queues', label: 'adminOperations.nav.queues' },
];
