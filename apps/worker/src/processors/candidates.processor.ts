import { CandidateIndexer, CandidateLifecycle } from '@app/candidates';
import type { JobHandlers } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { TypedProcessor } from './typed-processor';

@Processor('candidates')
export class CandidatesProcessor extends TypedProcessor<'candidates'> {
  constructor(
    private readonly indexer: CandidateIndexer,
    private readonly lifecycle: CandidateLifecycle,
  ) {
    super();
  }

  readonly handlers: JobHandlers<'candidates'> = {
    'candidates.sync-index': async (job) => ({
      outcome: await this.indexer.sync(job.data.candidateId, job.data.referenceCode),
    }),
    'candidates.reindex-country': (job) => this.indexer.syncCountry(job.data.countryCode),
    'candidates.lifecycle': () => this.lifecycle.runScheduled(),
  };
}
