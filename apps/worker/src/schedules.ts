import type { AppConfig } from '@app/config';
import type { JobName, JobPayloads } from '@app/queue';

interface Schedule<N extends JobName> {
  id: string;
  everyMs: number;
  name: N;
  data: JobPayloads[N];
}

/** Repeatable jobs, upserted by every worker at start (BullMQ keeps one scheduler per id). */
export function schedules(config: AppConfig): Schedule<JobName>[] {
  return [
    {
      id: 'purge-outbox',
      everyMs: 60 * 60 * 1000,
      name: 'maintenance.purge-outbox',
      data: { olderThanHours: config.outbox.retentionHours },
    },
    {
      id: 'purge-spent-records',
      everyMs: 6 * 60 * 60 * 1000,
      name: 'maintenance.purge-spent-records',
      data: {},
    },
    {
      id: 'expire-vacancies',
      everyMs: 15 * 60 * 1000,
      name: 'vacancies.expire-due',
      data: {},
    },
    {
      id: 'apply-partner-country-statuses',
      everyMs: 60 * 60 * 1000,
      name: 'partner-countries.apply-due',
      data: {},
    },
    {
      id: 'candidate-lifecycle',
      everyMs: config.candidates.lifecycleIntervalMinutes * 60 * 1000,
      name: 'candidates.lifecycle',
      data: {},
    },
    {
      id: 'refresh-matches',
      everyMs: config.matching.refreshIntervalMinutes * 60 * 1000,
      name: 'matching.refresh',
      data: { reason: 'scheduled' },
    },
    {
      id: 'check-consistency',
      everyMs: config.consistency.checkIntervalMinutes * 60 * 1000,
      name: 'consistency.check',
      data: { repair: false, reason: 'scheduled' },
    },
    {
      id: 'notification-digests',
      everyMs: config.notifications.digestIntervalMinutes * 60 * 1000,
      name: 'notifications.digest',
      data: {},
    },
    {
      id: 'vacancy-expiry-notices',
      everyMs: 60 * 60 * 1000,
      name: 'notifications.vacancy-expiry',
      data: {},
    },
    {
      id: 'new-match-notices',
      everyMs: 60 * 60 * 1000,
      name: 'notifications.new-matches',
      data: {},
    },
    {
      id: 'saved-search-alerts',
      everyMs: config.notifications.savedSearchIntervalMinutes * 60 * 1000,
      name: 'alerts.run',
      data: {},
    },
  ];
}
