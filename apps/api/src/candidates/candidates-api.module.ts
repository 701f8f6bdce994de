import { CandidatesModule } from '@app/candidates';
import { Module } from '@nestjs/common';
import { AdminCandidatesController } from './admin-candidates.controller';
import { CandidatesController } from './candidates.controller';

@Module({
  imports: [CandidatesModule],
  controllers: [CandidatesController, AdminCandidatesController],
})
export class CandidatesApiModule {}
