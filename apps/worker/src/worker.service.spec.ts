import { JOB_QUEUE } from '@app/queue';
import { jobsWithoutHandler } from './worker.service';

describe('jobsWithoutHandler', () => {
  const allJobs = Object.keys(JOB_QUEUE);

  it('is empty when every job of the job map is handled', () => {
    expect(jobsWithoutHandler(allJobs)).toEqual([]);
  });

  it('names each job that no processor handles', () => {
    const [first, ...rest] = allJobs;
    expect(jobsWithoutHandler(rest)).toEqual([first]);
  });
});
