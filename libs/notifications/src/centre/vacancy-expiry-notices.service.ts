import { APP_CONFIG, type AppConfig } from '@app/config';
import { Employers } from '@app/employers';
import { VACANCIES_SQL } from '@app/vacancies';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationCentre } from './notification-centre.service';

/** Vacancies noticed per run; the next run (hourly) takes the rest. */
const PER_RUN = 1000;

/**
 * Tells employers, `VACANCY_EXPIRY_REMINDER_DAYS` ahead, that a published vacancy is about to
 * expire. The notice is keyed by the vacancy and its expiry date: each is notified once, and a
 * vacancy whose validity is extended is notified again before its new date.
 */
@Injectable()
export class VacancyExpiryNotices {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly centre: NotificationCentre,
    private readonly employers: Employers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(): Promise<number> {
    let notified = 0;
    const due: { id: string; organisation_id: string; title: string; expires_at: Date; key: string }[] =
      await this.dataSource.query(
        `SELECT v.id, v.organisation_id, v.title, v.expires_at, k.key
             FROM ${VACANCIES_SQL} v
             CROSS JOIN LATERAL (SELECT 'vacancy-expiring:' || v.id || ':' ||
                                        extract(epoch FROM v.expires_at)::bigint AS key) k
            WHERE v.status = 'published' AND v.expires_at > now()
              AND v.expires_at <= now() + make_interval(days => $1)
              AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedup_key = k.key)
            ORDER BY v.expires_at, v.id LIMIT $2`,
        [this.config.notifications.vacancyExpiryReminderDays, PER_RUN],
      );
    for (const vacancy of due) {
      const accountIds = await this.employers.accountIdsOf(vacancy.organisation_id);
      notified += await this.centre.notify({
        accountIds,
        kind: 'vacancy_expiring',
        params: { vacancy: vacancy.title, expiresOn: vacancy.expires_at.toISOString().slice(0, 10) },
        dedupKey: vacancy.key,
      });
    }
    return notified;
  }
}
