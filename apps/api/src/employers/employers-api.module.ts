import { EmployersModule } from '@app/employers';
import { Module } from '@nestjs/common';
import { ColleaguesController } from './colleagues.controller';
import { EmployersController } from './employers.controller';

@Module({ imports: [EmployersModule], controllers: [ColleaguesController, EmployersController] })
export class EmployersApiModule {}
