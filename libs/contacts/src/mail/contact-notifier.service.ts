import { MailOutbox } from '@app/mail';
import { OutboxService, type PlatformEvent } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ContactRow } from '../store/contact.repository';
import { ContactParties, type VacancyFacts } from '../use-cases/contact-parties.service';
import { contactMail, type ContactMailEvent } from './contact-mails';

export interface NotifiedPair {
  contact: ContactRow;
  vacancy: VacancyFacts;
  candidate: { accountId: string; referenceCode: string };
}

/**
 * Queues the notification of a step in the step's transaction: to the candidate's account address
 * in the candidate's language, or to the vacancy's contact address in the organisation's.
 */
@Injectable()
export class ContactNotifier {
  constructor(
    private readonly mail: MailOutbox,
    private readonly parties: ContactParties,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The step as a platform event (ids only), for the recipient's notification centre and the
   * partner systems subscribed to it; recorded in the step's transaction like its mail.
   */
  private async recordEvent(
    manager: EntityManager,
    event: ContactMailEvent,
    pair: NotifiedPair,
    recipient: Extract<PlatformEvent, { type: 'contact.step' }>['recipient'],
  ): Promise<void> {
    await this.outbox.add(manager, 'events.dispatch', {
      type: 'contact.step',
      eventId: randomUUID(),
      step: event,
      stage: pair.contact.stage,
      contactId: pair.contact.id,
      vacancyId: pair.vacancy.id,
      referenceCode: pair.candidate.referenceCode,
      recipient,
    });
  }

  async toCandidate(
    manager: EntityManager,
    event: ContactMailEvent,
    pair: NotifiedPair,
    stage?: string,
  ): Promise<void> {
    await this.recordEvent(manager, event, pair, { side: 'candidate', accountId: pair.candidate.accountId });
    const to = await this.parties.emailOf(manager, pair.candidate.accountId);
    if (!to) return;
    await this.mail.queue(
      manager,
      contactMail(event, pair.contact.candidateLanguage, to, {
        organisation: pair.vacancy.organisationName,
        vacancy: pair.vacancy.title,
        referenceCode: pair.candidate.referenceCode,
        link: this.parties.link('/candidate/contacts'),
        stage,
      }),
    );
  }

  async toEmployer(manager: EntityManager, event: ContactMailEvent, pair: NotifiedPair): Promise<void> {
    await this.recordEvent(manager, event, pair, {
      side: 'employer',
      organisationId: pair.vacancy.organisationId,
    });
    await this.mail.queue(
      manager,
      contactMail(event, pair.contact.employerLanguage, pair.vacancy.contactEmail, {
        organisation: pair.vacancy.organisationName,
        vacancy: pair.vacancy.title,
        referenceCode: pair.candidate.referenceCode,
        link: this.parties.link(`/employer/vacancies/${pair.vacancy.id}/pipeline/${pair.candidate.referenceCode}`),
      }),
    );
  }
}
