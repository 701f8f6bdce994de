import type { NavigationItem } from '../../views/navigation';

export const CANDIDATE_NAVIGATION: readonly NavigationItem[] = [
  { path: '/candidate', label: 'nav.profile' },
  { path: '/candidate/matches', label: 'nav.matches' },
  { path: '/candidate/contacts', label: 'nav.contacts' },
  { path: '/candidate/notifications', label: 'notices.nav', badge: 'unread' },
  { path: '/candidate/account', label: 'nav.account' },
];
