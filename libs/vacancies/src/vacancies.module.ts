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

/** Vacancies in Postgres: drafting, publication, expiry. Needs DatabaseModule in the application. */
@Module({
  imports: [
    TypeOrmModule.forFeature([VacancyEntity]),
    EmployersModule,
    MemberStatesModule,
    ShortageOccupationsModule,
    TaxonomyModule,
    ReferenceDataModule,
    AuditModule,
    QueueModule,
  ],
  providers: [Vacancies, VacancyPublication, PublicVacancies],
  exports: [Vacancies, VacancyPublication, PublicVacancies],
})
export class VacanciesModule {}
