import type { NavigationItem } from '../../views/navigation';

export const NCP_NAVIGATION: readonly NavigationItem[] = [{ path: '/ncp', label: 'site.home' }];
