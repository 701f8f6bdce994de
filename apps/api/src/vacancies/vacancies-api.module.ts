import { VacanciesModule } from '@app/vacancies';
import { Module } from '@nestjs/common';
import { VacanciesController } from './vacancies.controller';
import { VacancyPagesController } from './vacancy-pages.controller';

@Module({ imports: [VacanciesModule], controllers: [VacanciesController, VacancyPagesController] })
export class VacanciesApiModule {}
