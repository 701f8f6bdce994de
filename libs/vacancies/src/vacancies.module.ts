import { AuditModule } from '@app/audit';
import { EmployersModule } from '@app/employers';
import { MemberStatesModule } from '@app/member-states';
import { QueueModule } from '@app/queue';
import { ReferenceDataModule } from '@app/reference-data';
import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublicVacancies } from './public/public-vacancies.service';
import { Vacancies } from './vacancies.service';
import { VacancyPublication } from './vacancy-publication.service';
import { VacancyEntity } from './vacancy.entity';
import { VacancyVersionEntity } from './versions/vacancy-version.entity';
import { VacancyVersions } from './versions/vacancy-versions.service';

/** Vacancies in Postgres: drafting, publication, expiry. Needs DatabaseModule in the application. */
@Module({
  imports: [
    TypeOrmModule.forFeature([VacancyEntity, VacancyVersionEntity]),
    EmployersModule,
    MemberStatesModule,
    ShortageOccupationsModule,
    TaxonomyModule,
    ReferenceDataModule,
    AuditModule,
    QueueModule,
  ],
  providers: [Vacancies, VacancyPublication, PublicVacancies, VacancyVersions],
  exports: [Vacancies, VacancyPublication, PublicVacancies, VacancyVersions],
})
export class VacanciesModule {}
