import type { NavigationItem } from '../../views/navigation';

export const EMPLOYER_NAVIGATION: readonly NavigationItem[] = [{ path: '/employer', label: 'site.home' }];
