import type { NavigationItem } from '../../views/navigation';

export const NCP_NAVIGATION: readonly NavigationItem[] = [
  { path: '/ncp', label: 'ncp.nav.queue' },
  { path: '/ncp/shortage-list', label: 'ncp.nav.shortageList' },
  { path: '/ncp/statistics', label: 'ncp.nav.statistics' },
];
