import { CandidatesModule } from '@app/candidates';
import { TaxonomyModule } from '@app/taxonomy';
import { Module } from '@nestjs/common';
import { AdminCandidatesController } from './admin-candidates.controller';
import { CandidatesController } from './candidates.controller';
import { EuropassImportController } from './europass-import.controller';
import { SkillSuggestionsController } from './skill-suggestions.controller';

@Module({
  imports: [CandidatesModule, TaxonomyModule],
  controllers: [
    CandidatesController,
    SkillSuggestionsController,
    EuropassImportController,
    AdminCandidatesController,
  ],
})
export class CandidatesApiModule {}
