import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { QueueModule } from '@app/queue';
import { ShortageOccupationsModule } from '@app/shortage-occupations';
import { Module } from '@nestjs/common';

/** What the shortage-list and vacancy commands need: Postgres and the outbox. */
@Module({ imports: [ConfigModule, DatabaseModule, QueueModule, ShortageOccupationsModule] })
export class PolicyCliModule {}
