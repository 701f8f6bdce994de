import { CandidatesModule } from '@app/candidates';
import { MatchingModule } from '@app/matching';
import { Module } from '@nestjs/common';
import { CandidateMatchesController } from './candidate-matches.controller';
import { EmployerMatchesController } from './employer-matches.controller';

@Module({
  imports: [MatchingModule, CandidatesModule],
  controllers: [EmployerMatchesController, CandidateMatchesController],
})
export class MatchingApiModule {}
