import { plan, type PendingRow } from './outbox-relay.service';

const row = (id: string, dedupKey: string | null, payload: unknown = { id }): PendingRow => ({
  id,
  message_uid: `uid-${id}`,
  job_name: 'maintenance.purge-outbox',
  payload,
  dedup_key: dedupKey,
});

describe('outbox relay plan', () => {
  it('gives every message without a dedup key its own job id, from its uuid rather than its reusable id', () => {
    expect(plan([row('1', null), row('2', null)]).map((job) => job.jobId)).toEqual([
      'outbox-uid-1',
      'outbox-uid-2',
    ]);
  });

  it('collapses messages sharing a dedup key into one job carrying the newest payload', () => {
    const jobs = plan([row('3', 'candidate-7', 'old'), row('4', null), row('5', 'candidate-7', 'new')]);
    expect(jobs).toHaveLength(2);
    expect(jobs.find((job) => job.jobId.startsWith('candidate-7'))).toEqual({
      name: 'maintenance.purge-outbox',
      data: 'new',
      jobId: 'candidate-7-uid-5',
    });
  });
});
