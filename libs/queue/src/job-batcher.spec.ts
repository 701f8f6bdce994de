import { JobBatcher } from './job-batcher';

describe('JobBatcher', () => {
  it('hands items submitted together to one batch, and each job gets its own result', async () => {
    const batches: number[][] = [];
    const sut = new JobBatcher<number, number>(
      (items) => {
        batches.push(items);
        return Promise.resolve(items.map((item) => item * 10));
      },
      { maxSize: 100, lingerMs: 5 },
    );
    await expect(Promise.all([1, 2, 3].map((item) => sut.submit(item)))).resolves.toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a batch once it is full, so a backlog is worked in batches of the maximum size', async () => {
    const batches: number[][] = [];
    const sut = new JobBatcher<number, number>(
      (items) => {
        batches.push(items);
        return Promise.resolve(items);
      },
      { maxSize: 2, lingerMs: 1000 },
    );
    await Promise.all([1, 2, 3, 4].map((item) => sut.submit(item)));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('fails every job of a failed batch, so each is retried, and keeps working afterwards', async () => {
    let calls = 0;
    const sut = new JobBatcher<number, number>(
      (items) => (++calls === 1 ? Promise.reject(new Error('engine gone')) : Promise.resolve(items)),
      { maxSize: 10, lingerMs: 1 },
    );
    const first = [1, 2].map((item) => sut.submit(item));
    await expect(first[0]).rejects.toThrow('engine gone');
    await expect(first[1]).rejects.toThrow('engine gone');
    await expect(sut.submit(3)).resolves.toBe(3);
  });

  it('with a bound on batches in flight, gathers what arrives meanwhile into the next batch, started once one ends', async () => {
    const batches: number[][] = [];
    const ends: (() => void)[] = [];
    const sut = new JobBatcher<number, number>(
      (items) => {
        batches.push(items);
        return new Promise((resolve) => ends.push(() => resolve(items)));
      },
      { maxSize: 3, lingerMs: 1, maxInFlight: 1 },
    );
    const first = sut.submit(1);
    await until(() => batches.length === 1);
    const later = [2, 3, 4, 5, 6, 7, 8].map((item) => sut.submit(item));
    // Well past the linger, nothing else starts while the first batch runs.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toEqual([[1]]);
    ends[0]();
    await expect(first).resolves.toBe(1);
    await until(() => batches.length === 2);
    expect(batches[1]).toEqual([2, 3, 4]);
    ends[1]();
    await until(() => batches.length === 3);
    expect(batches[2]).toEqual([5, 6, 7]);
    ends[2]();
    await until(() => batches.length === 4);
    ends[3]();
    await expect(Promise.all(later)).resolves.toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6, 7], [8]]);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !condition();) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
