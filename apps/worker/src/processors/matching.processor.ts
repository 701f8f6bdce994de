import { Matcher } from '@app/matching';
import type { JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('matching')
export class MatchingProcessor extends TypedProcessor<'matching'> {
  constructor(private readonly matcher: Matcher) {
    super();
  }

  readonly handlers: JobHandlers<'matching'> = {
    'matching.vacancy': (job) => this.matcher.matchVacancy(job.data.vacancyId),
    'matching.candidate': (job) => this.matcher.matchCandidate(job.data.candidateId),
    'matching.employer': (job) => this.matcher.matchEmployer(job.data.organisationId),
    'matching.member-state': (job) => this.matcher.matchMemberState(job.data.memberState),
    'matching.occupations': (job) => this.matcher.matchOccupations(job.data),
    'matching.country': (job) => this.matcher.matchCountry(job.data.countryCode),
    'matching.refresh': () => this.matcher.refreshAll(),
  };
}
