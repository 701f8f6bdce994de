import { EmployersModule } from '@app/employers';
import { Module } from '@nestjs/common';
import { EmployersController } from './employers.controller';

@Module({ imports: [EmployersModule], controllers: [EmployersController] })
export class EmployersApiModule {}
