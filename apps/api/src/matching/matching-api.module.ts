import { MatchingModule } from '@app/matching';
import { Module } from '@nestjs/common';
import { CandidateMatchesController } from './candidate-matches.controller';
import { EmployerMatchesController } from './employer-matches.controller';

@Module({
  imports: [MatchingModule],
  controllers: [EmployerMatchesController, CandidateMatchesController],
})
export class MatchingApiModule {}
