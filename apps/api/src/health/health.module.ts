import { QueueModule } from '@app/queue';
import { SearchModule } from '@app/search';
import { TaxonomySearchModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({
  imports: [QueueModule, SearchModule, TaxonomySearchModule],
  controllers: [HealthController],
  providers: [HealthService],
})
export class HealthModule {}
