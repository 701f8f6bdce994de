import { AuditService } from '@app/audit';
import { actorOf, type CallContext, type Principal } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { mayDisclose } from '../consent/disclosure';
import type { MessageView } from '../contact.types';
import { ContactNotFoundError, ConversationClosedError } from '../contacts.errors';
import { ContactNotifier } from '../mail/contact-notifier.service';
import { ContactRepository, type ContactRow } from '../store/contact.repository';
import { auditStep } from './contact-audit';
import { ContactLimits } from './contact-limits.service';
import { ContactParties } from './contact-parties.service';
import { EmployerPipeline } from './employer-pipeline.service';

const MESSAGE_COLUMNS = 'id, sender, body, sent_at AS "sentAt"';

/**
 * One thread per (candidate, vacancy), open while the candidate's consent stands. The candidate
 * always reads their own thread; the organisation only while it may see the identity.
 */
@Injectable()
export class Conversations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: ContactParties,
    private readonly contacts: ContactRepository,
    private readonly pipeline: EmployerPipeline,
    private readonly limits: ContactLimits,
    private readonly notifier: ContactNotifier,
    private readonly audit: AuditService,
  ) {}

  async candidateThread(principal: Principal, contactId: string): Promise<MessageView[]> {
    const profile = await this.parties.ownProfile(principal);
    const contact = await this.contacts.findById(this.dataSource.manager, contactId);
    if (!contact || contact.candidateId !== profile.id) throw new ContactNotFoundError();
    return this.thread(this.dataSource.manager, contact.id);
  }

  async candidateSend(
    principal: Principal,
    contactId: string,
    body: string,
    context: CallContext,
  ): Promise<MessageView> {
    const profile = await this.parties.ownProfile(principal);
    return this.dataSource.transaction(async (manager) => {
      const contact = await this.contacts.findById(manager, contactId, true);
      if (!contact || contact.candidateId !== profile.id) throw new ContactNotFoundError();
      if (contact.consent !== 'granted') throw new ConversationClosedError();
      const message = await this.insert(manager, contact, 'candidate', principal.accountId, body);
      await auditStep(this.audit, manager, actorOf(principal), 'contact.message_sent', contact, context, {
        messageId: message.id,
        sender: 'candidate',
      });
      const vacancy = await this.parties.vacancy(manager, contact.vacancyId);
      await this.notifier.toEmployer(manager, 'message_received', { contact, vacancy, candidate: profile });
      return message;
    });
  }

  async employerThread(
    principal: Principal,
    vacancyId: string,
    referenceCode: string,
  ): Promise<MessageView[]> {
    const { contact } = await this.pipeline.pair(
      this.dataSource.manager,
      principal,
      vacancyId,
      referenceCode,
    );
    if (!mayDisclose(contact, principal)) throw new ConversationClosedError();
    return this.thread(this.dataSource.manager, contact.id);
  }

  async employerSend(
    principal: Principal,
    vacancyId: string,
    referenceCode: string,
    body: string,
    context: CallContext,
  ): Promise<MessageView> {
    return this.dataSource.transaction(async (manager) => {
      const { contact, vacancy, profile } = await this.pipeline.pair(
        manager,
        principal,
        vacancyId,
        referenceCode,
        true,
      );
      if (!mayDisclose(contact, principal)) throw new ConversationClosedError();
      await this.limits.assertNotSuspended(manager, contact.organisationId);
      await this.limits.assertMessageAllowed(manager, contact.organisationId);
      const message = await this.insert(manager, contact, 'employer', principal.accountId, body);
      await auditStep(this.audit, manager, actorOf(principal), 'contact.message_sent', contact, context, {
        messageId: message.id,
        sender: 'employer',
      });
      await this.notifier.toCandidate(manager, 'message_received', { contact, vacancy, candidate: profile });
      return message;
    });
  }

  private thread(manager: EntityManager, contactId: string): Promise<MessageView[]> {
    return manager.query(
      `SELECT ${MESSAGE_COLUMNS} FROM contact_messages WHERE contact_id = $1 ORDER BY sent_at, id LIMIT 1000`,
      [contactId],
    );
  }

  private async insert(
    manager: EntityManager,
    contact: ContactRow,
    sender: 'candidate' | 'employer',
    accountId: string,
    body: string,
  ): Promise<MessageView> {
    const [message]: MessageView[] = await manager.query(
      `INSERT INTO contact_messages (contact_id, organisation_id, sender, sender_account_id, body)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${MESSAGE_COLUMNS}`,
      [contact.id, contact.organisationId, sender, accountId, body],
    );
    await this.contacts.update(manager, contact.id, {});
    return message;
  }
}
