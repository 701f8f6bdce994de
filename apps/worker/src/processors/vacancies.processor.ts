import type { JobHandlers } from '@app/queue';
import { VacancyIndexer, VacancyPublication } from '@app/vacancies';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('vacancies')
export class VacanciesProcessor extends TypedProcessor<'vacancies'> {
  constructor(
    private readonly indexer: VacancyIndexer,
    private readonly publication: VacancyPublication,
  ) {
    super();
  }

  readonly handlers: JobHandlers<'vacancies'> = {
    'vacancies.sync': (job) => this.indexer.syncVacancy(job.data.vacancyId),
    'vacancies.sync-employer': (job) => this.indexer.syncEmployer(job.data.organisationId),
    'vacancies.sync-member-state': (job) => this.indexer.syncMemberState(job.data.memberState),
    'vacancies.sync-occupations': (job) => this.indexer.syncOccupations(job.data),
    'vacancies.reindex': () => this.indexer.rebuild(),
    'vacancies.expire-due': async () => ({ expired: await this.publication.expireDue() }),
  };
}
