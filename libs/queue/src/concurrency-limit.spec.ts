import { ConcurrencyLimit } from './concurrency-limit';

describe('ConcurrencyLimit', () => {
  it('runs no more than its limit at once and every call to the end', async () => {
    const sut = new ConcurrencyLimit(2);
    let running = 0;
    let highest = 0;
    const work = (value: number) =>
      sut.run(async () => {
        highest = Math.max(highest, ++running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
        return value;
      });

    const results = await Promise.all([1, 2, 3, 4, 5].map(work));

    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(highest).toBe(2);
  });

  it('frees its place when a call fails', async () => {
    const sut = new ConcurrencyLimit(1);

    await expect(sut.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(sut.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
