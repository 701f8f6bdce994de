import { AuditModule } from '@app/audit';
import { CandidatesModule } from '@app/candidates';
import { MailModule } from '@app/mail';
import { MatchingModule } from '@app/matching';
import { PartnerCountriesModule } from '@app/partner-countries';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { PartnerCountryAdministration } from './partner-country-administration.service';

/**
 * Administration of partner-country eligibility. A library of its own because it drives the
 * candidates library, which itself reads partner-country statuses.
 */
@Module({
  imports: [PartnerCountriesModule, CandidatesModule, MailModule, AuditModule, MatchingModule, QueueModule],
  providers: [PartnerCountryAdministration],
  exports: [PartnerCountryAdministration],
})
export class PartnerCountryAdministrationModule {}
