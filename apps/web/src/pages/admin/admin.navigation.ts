import type { NavigationItem } from '../../views/navigation';

export const ADMIN_NAVIGATION: readonly NavigationItem[] = [{ path: '/admin', label: 'site.home' }];
