import { AuditModule } from '@app/audit';
import { IdentityModule } from '@app/identity';
import { MailModule } from '@app/mail';
import { MemberStatesModule } from '@app/member-states';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationColleagues } from './colleagues/organisation-colleagues.service';
import { EmployerRegistrations } from './employer-registrations.service';
import { EmployerVerification } from './employer-verification.service';
import { EmployerEntity } from './employer.entity';
import { Employers } from './employers.service';
import { ExcludedRegistrationNumberEntity } from './excluded-registration-number.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([EmployerEntity, ExcludedRegistrationNumberEntity]),
    IdentityModule,
    MailModule,
    MemberStatesModule,
    AuditModule,
    QueueModule,
  ],
  providers: [Employers, EmployerRegistrations, EmployerVerification, OrganisationColleagues],
  exports: [Employers, EmployerRegistrations, EmployerVerification, OrganisationColleagues],
})
export class EmployersModule {}
