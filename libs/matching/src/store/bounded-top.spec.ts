import { boundedTop } from './bounded-top';

describe('boundedTop', () => {
  let state = 3;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const round = (value: number) => Math.round(value * 10_000) / 10_000;

  function sut(count: number, limit: number, minScore: number, withShortfall = false) {
    const bounds = new Float64Array(count);
    const exact = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      bounds[i] = random() * 1.4;
      // Exact scores never exceed their bound; some items do not match at all; many tie.
      exact[i] = random() < 0.1 ? -1 : round(Math.floor(bounds[i] * random() * 20) / 20);
    }
    const items = Int32Array.from({ length: count }, (_, i) => i);
    // A shortfall that is sometimes exact (the bound less the score) and sometimes less.
    const shortfall = (item: number) =>
      exact[item] < 0 ? 0 : (bounds[item] - exact[item]) * (item % 3 === 0 ? 1 : 0.5);
    const result = boundedTop({
      items,
      count,
      bounds,
      limit,
      minScore,
      score: (item) => exact[item],
      ...(withShortfall ? { shortfall } : {}),
    });
    const best = (rows: { item: number; score: number }[]) =>
      rows.sort((a, b) => b.score - a.score || a.item - b.item).slice(0, limit);
    return {
      result,
      top: best(result.items.map((item, at) => ({ item, score: result.scores[at] }))),
      expected: best(
        [...exact]
          .map((score, item) => ({ item, score }))
          .filter((row) => row.score >= 0 && row.score >= minScore),
      ),
    };
  }

  it.each([
    [5_000, 10, 0],
    [5_000, 300, 0.3],
    [2_000, 1, 0.5],
    [50, 100, 0],
  ])('finds the exhaustive top-N, ties included (%i items, top %i, min %d)', (count, limit, minScore) => {
    const { top, expected } = sut(count, limit, minScore);
    expect(top).toEqual(expected);
  });

  it.each([
    [5_000, 10, 0],
    [5_000, 300, 0.3],
    [2_000, 1, 0.5],
  ])(
    'with a shortfall asked before scoring, finds the same top-N and scores fewer (%i items, top %i, min %d)',
    (count, limit, minScore) => {
      const seed = state;
      const plain = sut(count, limit, minScore);
      state = seed;
      const tighter = sut(count, limit, minScore, true);
      expect(tighter.top).toEqual(plain.top);
      expect(tighter.top).toEqual(tighter.expected);
      expect(tighter.result.scored).toBeLessThan(plain.result.scored);
    },
  );

  it('scores only part of a large pool', () => {
    const { result } = sut(20_000, 50, 0.3);
    expect(result.scored).toBeLessThan(20_000 / 2);
  });
});
