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
});
