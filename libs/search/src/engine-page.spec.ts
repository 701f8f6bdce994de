import { enginePage } from './engine-page';

describe('enginePage', () => {
  it('asks for exactly the window when the offset is a multiple of the limit', () => {
    expect(enginePage({ limit: 20, offset: 0 })).toEqual({ page: 1, hitsPerPage: 20, skip: 0 });
    expect(enginePage({ limit: 20, offset: 60 })).toEqual({ page: 4, hitsPerPage: 20, skip: 0 });
  });

  it('covers any window with one page below twice the limit', () => {
    for (const limit of [1, 2, 7, 20, 50, 100]) {
      for (let offset = 0; offset <= 10_000; offset += offset < 300 ? 1 : 37) {
        const asked = enginePage({ limit, offset });
        const first = (asked.page - 1) * asked.hitsPerPage + asked.skip;
        expect({ limit, offset, first, fits: asked.skip + limit <= asked.hitsPerPage }).toEqual({
          limit,
          offset,
          first: offset,
          fits: true,
        });
        expect(asked.hitsPerPage).toBeLessThan(Math.max(2 * limit, limit + 1) + 10);
      }
    }
  });

  it('refuses what is not a page window instead of searching for a page size without end', () => {
    for (const window of [
      { limit: null, offset: 0 },
      { limit: 0, offset: 0 },
      { limit: 1.5, offset: 0 },
      { limit: Number.NaN, offset: 0 },
      { limit: 20, offset: -1 },
      { limit: 20, offset: Number.POSITIVE_INFINITY },
    ])
      expect(() => enginePage(window as unknown as { limit: number; offset: number })).toThrow(RangeError);
  });
});
