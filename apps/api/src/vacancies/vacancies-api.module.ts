import { VacanciesModule } from '@app/vacancies';
import { Module } from '@nestjs/common';
import { VacanciesController } from './vacancies.controller';

@Module({ imports: [VacanciesModule], controllers: [VacanciesController] })
export class VacanciesApiModule {}
