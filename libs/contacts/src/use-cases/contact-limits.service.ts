import { lockWithinTransaction } from '@app/database';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContactRow } from '../store/contact.repository';
import { ContactCooldownError, ContactingSuspendedError, ContactLimitReachedError } from '../contacts.errors';

const DAY_MS = 86_400_000;

/** Against harvesting: suspension, daily limits per organisation, and the cool-down after a no. */
@Injectable()
export class ContactLimits {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async assertNotSuspended(manager: EntityManager, organisationId: string): Promise<void> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM contact_suspensions WHERE organisation_id = $1',
      [organisationId],
    );
    if (rows.length > 0) throw new ContactingSuspendedError();
  }

  /**
   * Counts today's (UTC) requests of the organisation under a transaction-level advisory lock, so
   * concurrent requests of one organisation cannot both slip under the limit.
   */
  async assertRequestAllowed(manager: EntityManager, organisationId: string): Promise<void> {
    await this.lock(manager, 'requests', organisationId);
    const [{ n }] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM contacts
        WHERE organisation_id = $1 AND requested_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
      [organisationId],
    );
    const limit = this.config.contacts.requestsPerDay;
    if (n >= limit) throw new ContactLimitReachedError('contact requests', limit, secondsToUtcMidnight());
  }

  async assertMessageAllowed(manager: EntityManager, organisationId: string): Promise<void> {
    await this.lock(manager, 'messages', organisationId);
    const [{ n }] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM contact_messages
        WHERE organisation_id = $1 AND sender = 'employer'
          AND sent_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
      [organisationId],
    );
    const limit = this.config.contacts.messagesPerDay;
    if (n >= limit) throw new ContactLimitReachedError('messages', limit, secondsToUtcMidnight());
  }

  /** A candidate who said no (or took it back) for this vacancy is left alone for the cool-down. */
  assertNotCoolingDown(contact: ContactRow, now = new Date()): void {
    if (contact.consent !== 'declined' && contact.consent !== 'withdrawn') return;
    const until = new Date(contact.consentChangedAt.getTime() + this.config.contacts.cooldownDays * DAY_MS);
    if (until > now) throw new ContactCooldownError(until);
  }

  private async lock(manager: EntityManager, what: string, organisationId: string): Promise<void> {
    await lockWithinTransaction(manager, `contacts-${what}-${organisationId}`);
  }
}

export function secondsToUtcMidnight(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}
