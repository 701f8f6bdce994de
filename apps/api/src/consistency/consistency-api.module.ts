import { ConsistencyReportsModule } from '@app/consistency';
import { Module } from '@nestjs/common';
import { ConsistencyController } from './consistency.controller';

@Module({ imports: [ConsistencyReportsModule], controllers: [ConsistencyController] })
export class ConsistencyApiModule {}
