/** Every kind of notification the platform sends; templates and defaults are keyed by it. */
export const NOTIFICATION_KINDS = [
  'employer_verified',
  'employer_suspended',
  'employer_awaiting_verification',
  'contact_update',
  'new_matches',
  'profile_expiring',
  'partner_country_status_changed',
  'vacancy_expiring',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a user wants a kind delivered: mailed at once, in the daily digest, or in the app only. */
export const NOTIFICATION_CHANNELS = ['immediate', 'digest', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/**
 * Defaults: what needs acting on is mailed at once, what is frequent goes to the digest. Contact
 * steps, profile expiry reminders and partner-country changes are already mailed, as they happen,
 * by the library that owns them (contacts, candidates, partner-country administration), so here
 * they stay in the app unless the user also wants them mailed or in the digest.
 */
export const DEFAULT_CHANNELS: Readonly<Record<NotificationKind, NotificationChannel>> = {
  employer_verified: 'immediate',
  employer_suspended: 'immediate',
  employer_awaiting_verification: 'immediate',
  contact_update: 'off',
  new_matches: 'digest',
  profile_expiring: 'off',
  partner_country_status_changed: 'off',
  vacancy_expiring: 'immediate',
};

export type NotificationChannels = Record<NotificationKind, NotificationChannel>;

/** The stored choices over the defaults; unknown keys or values (from an older release) are ignored. */
export function channelsOf(stored: Record<string, unknown> | null | undefined): NotificationChannels {
  const channels = { ...DEFAULT_CHANNELS };
  for (const kind of NOTIFICATION_KINDS) {
    const value = stored?.[kind];
    if ((NOTIFICATION_CHANNELS as readonly unknown[]).includes(value))
      channels[kind] = value as NotificationChannel;
  }
  return channels;
}

export function isNotificationLanguage(value: unknown): value is NotificationLanguage {
  return (NOTIFICATION_LANGUAGES as readonly unknown[]).includes(value);
}
