import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/identity';
import { LoggingModule } from '@app/logging';
import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard } from './access/access.guard';
import { PendingCallerInterceptor } from './access/pending-caller.interceptor';
import { AuditApiModule } from './audit/audit-api.module';
import { CandidatesApiModule } from './candidates/candidates-api.module';
import { HealthModule } from './health/health.module';
import { ReferenceDataApiModule } from './reference-data/reference-data-api.module';
import { TaxonomyApiModule } from './taxonomy/taxonomy-api.module';
import { IdentityApiModule } from './identity/identity-api.module';
import { EmployersApiModule } from './employers/employers-api.module';
import { MemberStatesApiModule } from './member-states/member-states-api.module';
import { ShortageOccupationsApiModule } from './shortage-occupations/shortage-occupations-api.module';
import { VacanciesApiModule } from './vacancies/vacancies-api.module';
import { PartnerCountriesAdminApiModule } from './partner-countries/partner-countries-admin-api.module';
import { JobsApiModule } from './jobs/jobs-api.module';
import { ConsistencyApiModule } from './consistency/consistency-api.module';
import { MatchingApiModule } from './matching/matching-api.module';
import { SearchApiModule } from './search/search-api.module';
import { ContactsApiModule } from './contacts/contacts-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('api'),
    DatabaseModule,
    HealthModule,
    TaxonomyApiModule,
    ReferenceDataApiModule,
    // The global AccessGuard authenticates through it.
    IdentityModule,
    IdentityApiModule,
    AuditApiModule,
    ShortageOccupationsApiModule,
    MemberStatesApiModule,
    EmployersApiModule,
    VacanciesApiModule,
    PartnerCountriesAdminApiModule,
    CandidatesApiModule,
    MatchingApiModule,
    JobsApiModule,
    ConsistencyApiModule,
    SearchApiModule,
    ContactsApiModule,
    NotificationsApiModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: PendingCallerInterceptor },
  ],
})
export class ApiModule {}
