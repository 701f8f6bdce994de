import { CandidateCountryImpact } from '@app/candidates';
import { Employers } from '@app/employers';
import { Accounts } from '@app/identity';
import type { PlatformEvent } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { NotificationCentre } from './notification-centre.service';

/**
 * Turns platform events into notifications for the users they concern. Keyed by the event's id, so
 * a re-delivered event finds its notifications already made.
 */
@Injectable()
export class EventNotifications {
  constructor(
    private readonly centre: NotificationCentre,
    private readonly employers: Employers,
    private readonly accounts: Accounts,
    private readonly countryImpact: CandidateCountryImpact,
  ) {}

  async onEvent(event: PlatformEvent): Promise<number> {
    const dedupKey = `event:${event.eventId}`;
    switch (event.type) {
      case 'employer.registered': {
        const employer = await this.employers.findById(event.organisationId);
        if (!employer) return 0;
        return this.centre.notify({
          accountIds: await this.accounts.idsOfNcps(employer.memberState),
          kind: 'employer_awaiting_verification',
          params: { organisation: employer.legalName, memberState: employer.memberState },
          dedupKey,
        });
      }
      case 'employer.status_changed': {
        const kind =
          event.status === 'verified'
            ? 'employer_verified'
            : event.status === 'suspended'
              ? 'employer_suspended'
              : null;
        const employer = kind && (await this.employers.findById(event.organisationId));
        if (!kind || !employer) return 0;
        return this.centre.notify({
          accountIds: await this.employers.accountIdsOf(employer.id),
          kind,
          params: { organisation: employer.legalName },
          dedupKey,
        });
      }
      case 'contact.step':
        return this.centre.notify({
          accountIds:
            event.recipient.side === 'candidate'
              ? [event.recipient.accountId]
              : await this.employers.accountIdsOf(event.recipient.organisationId),
          kind: 'contact_update',
          params: { referenceCode: event.referenceCode, step: event.step.replace(/_/g, ' ') },
          dedupKey,
        });
      case 'candidate.expiry_reminder':
        return this.centre.notify({
          accountIds: [event.accountId],
          kind: 'profile_expiring',
          params: { expiresOn: event.expiresAt.slice(0, 10) },
          dedupKey,
        });
      case 'partner_country.status_applied':
        return this.centre.notify({
          accountIds: await this.countryImpact.activeAffectedAccountIds(event.countryCode),
          kind: 'partner_country_status_changed',
          params: { country: event.countryCode, status: event.status.replace(/_/g, ' ') },
          dedupKey,
        });
      case 'vacancy.published':
      case 'vacancy.closed':
      case 'candidate.renewed':
        return 0;
    }
  }
}
