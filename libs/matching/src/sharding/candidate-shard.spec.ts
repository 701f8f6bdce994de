import { candidateShard } from './candidate-shard';

describe('candidateShard', () => {
  it('is a fixed function of the id: these values hold in every process and release', () => {
    expect(candidateShard('', 7)).toBe(0x811c9dc5 % 7);
    // The published FNV-1a 32-bit test vectors: 'a' → 0xe40c292c, 'foobar' → 0xbf9cf968.
    expect(candidateShard('a', 0xffffffff)).toBe(0xe40c292c);
    expect(candidateShard('foobar', 0xffffffff)).toBe(0xbf9cf968);
    expect(
      ['0b9e3f5a-3c1d-4e4b-9a52-8f6c1e2d3a4b', 'f47ac10b-58cc-4372-a567-0e02b2c3d479'].map((id) =>
        candidateShard(id, 4),
      ),
    ).toEqual(FIXED_SHARDS);
  });

  it('puts everyone in shard 0 when the store is not split', () => {
    expect(candidateShard('f47ac10b-58cc-4372-a567-0e02b2c3d479', 1)).toBe(0);
  });

  it('spreads ids evenly over the shards', () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[candidateShard(uuidLike(i), 4)] += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it('gives a shard below the count for every id', () => {
    for (let i = 0; i < 1_000; i++) {
      const shard = candidateShard(uuidLike(i), 3);
      expect(Number.isInteger(shard) && shard >= 0 && shard < 3).toBe(true);
    }
  });
});

const FIXED_SHARDS = [2, 0];

function uuidLike(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}
