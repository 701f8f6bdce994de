import type { NavigationItem } from '../../views/navigation';

export const EMPLOYER_NAVIGATION: readonly NavigationItem[] = [
  { path: '/employer', label: 'employer.nav.home' },
  { path: '/employer/vacancies', label: 'employer.nav.vacancies' },
  { path: '/employer/talent', label: 'employer.nav.talent' },
  { path: '/employer/saved-searches', label: 'employer.nav.savedSearches' },
  { path: '/employer/notifications', label: 'employer.nav.notifications' },
  { path: '/employer/colleagues', label: 'employer.nav.colleagues' },
];
