import { pageOf, type Page, type PageRequest } from '@app/common';
import type { Principal } from '@app/identity';
import type { ReaderLanguage } from '@app/vacancies';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ConsentReceipts } from '../consent/consent-receipts.service';
import type { CandidateContactView, ConsentReceiptView, ConsentState } from '../contact.types';
import { ContactNotFoundError } from '../contacts.errors';
import { ContactRepository } from '../store/contact.repository';
import { CandidateContactViews } from './candidate-contact-views.service';
import { ContactParties } from './contact-parties.service';

/** The candidate's own applications and requests, and the receipts of their consents. */
@Injectable()
export class CandidateContacts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly parties: ContactParties,
    private readonly contacts: ContactRepository,
    private readonly views: CandidateContactViews,
    private readonly receipts: ConsentReceipts,
  ) {}

  async list(
    principal: Principal,
    language: ReaderLanguage,
    filter: PageRequest & { consent?: ConsentState },
  ): Promise<Page<CandidateContactView>> {
    const profile = await this.parties.ownProfile(principal);
    const rows = await this.contacts.listByCandidate(this.dataSource.manager, profile.id);
    const window = pageOf(
      rows.filter((row) => filter.consent === undefined || row.consent === filter.consent),
      filter,
    );
    const views: CandidateContactView[] = [];
    for (const row of window.items) views.push(await this.views.view(this.dataSource.manager, row, language));
    return { ...window, items: views };
  }

  async get(
    principal: Principal,
    contactId: string,
    language: ReaderLanguage,
  ): Promise<CandidateContactView> {
    const profile = await this.parties.ownProfile(principal);
    const row = await this.contacts.findById(this.dataSource.manager, contactId);
    if (!row || row.candidateId !== profile.id) throw new ContactNotFoundError();
    return this.views.view(this.dataSource.manager, row, language);
  }

  async receiptsOf(principal: Principal): Promise<ConsentReceiptView[]> {
    const profile = await this.parties.ownProfile(principal);
    return this.receipts.ofCandidate(this.dataSource.manager, profile.id);
  }
}
