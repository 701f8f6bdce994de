import { AuditModule } from '@app/audit';
import { QueueModule } from '@app/queue';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ShortageEntryEntity } from './shortage-entry.entity';
import { ShortageListAdministration } from './shortage-list-administration.service';
import { ShortageLists } from './shortage-lists.service';
import { ShortageSectorEntity } from './shortage-sector.entity';
import { ShortageSeeder } from './shortage-seeder';

@Module({
  imports: [
    TypeOrmModule.forFeature([ShortageEntryEntity, ShortageSectorEntity]),
    TaxonomyModule,
    AuditModule,
    QueueModule,
  ],
  providers: [ShortageLists, ShortageListAdministration, ShortageSeeder],
  exports: [ShortageLists, ShortageListAdministration, ShortageSeeder],
})
export class ShortageOccupationsModule {}
