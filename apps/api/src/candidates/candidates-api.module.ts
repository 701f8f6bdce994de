import { CandidatesModule } from '@app/candidates';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { AdminCandidatesController } from './admin-candidates.controller';
import { CandidatesController } from './candidates.controller';

@Module({
  imports: [CandidatesModule, TaxonomyModule],
  controllers: [CandidatesController, AdminCandidatesController],
})
export class CandidatesApiModule {}
