import { OtherSetFloors, type HeldPair } from './other-set-floors';

/** A row of the other side's sets: whose pair it is and its score (a table reduced to what matters). */
interface Row {
  owner: string;
  other: string;
  score: number;
}

/** The table as writing sets one at a time leaves it: every pair decided against the rows as they are. */
function oneAtATime(
  size: number,
  table: Row[],
  sets: { owner: string; ranked: [string, number, boolean][] }[],
) {
  const decisions: boolean[] = [];
  for (const { owner, ranked } of sets) {
    const before = table.filter((row) => row.owner !== owner);
    for (const [other, score, inOwn] of ranked) {
      const inSet = before.filter((row) => row.other === other);
      const floor = Math.min(...inSet.map((row) => row.score));
      const enters = inSet.length < size || Math.fround(score) > floor;
      decisions.push(enters);
      const mine = table.find((row) => row.owner === owner && row.other === other);
      if (!inOwn && !enters) continue;
      if (mine) mine.score = Math.fround(score);
      else if (enters) table.push({ owner, other, score: Math.fround(score) });
    }
  }
  return decisions;
}

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('OtherSetFloors', () => {
  it('decides as writing the sets one after another would, over random batches', () => {
    for (let trial = 0; trial < 200; trial += 1) {
      const random = sequence(trial + 1);
      const size = 1 + Math.floor(random() * 4);
      const others = Array.from({ length: 5 }, (_, at) => `o${at}`);
      const owners = Array.from({ length: 6 }, (_, at) => `w${at}`);
      // Coarse scores make ties and equal floors common.
      const score = () => Math.round(random() * 10) / 10 + 0.05;
      const table: Row[] = [];
      for (const other of others)
        for (let at = 0; at < 6; at += 1) {
          const owner = random() < 0.5 ? owners[Math.floor(random() * owners.length)] : `x${at}`;
          if (!table.some((row) => row.owner === owner && row.other === other))
            table.push({ owner, other, score: Math.fround(score()) });
        }
      const batch = owners.slice(0, 1 + Math.floor(random() * owners.length));
      const sets = batch.map((owner) => ({
        owner,
        ranked: others
          .filter(() => random() < 0.7)
          .map((other, position): [string, number, boolean] => [other, score(), position < 2]),
      }));
      const outside = table.filter((row) => !batch.includes(row.owner));
      const floors = others.map((otherId) => {
        const rows = outside.filter((row) => row.other === otherId);
        return {
          otherId,
          n: Math.min(rows.length, size),
          floor: rows.length ? Math.min(...rows.map((row) => row.score)) : null,
        };
      });
      const held: HeldPair[] = table
        .filter((row) => batch.includes(row.owner))
        .map((row) => ({ ownerId: row.owner, otherId: row.other, score: row.score }));
      const offers = new OtherSetFloors(size, floors, held);
      const batched = sets.flatMap(({ owner, ranked }) =>
        ranked.map(([other, value, inOwn]) => offers.offer(owner, other, value, inOwn)),
      );

      expect(batched).toEqual(oneAtATime(size, table, sets));
    }
  });

  it('lets a pair into a set that is not full, and into a full one only above its lowest score', () => {
    const offers = new OtherSetFloors(2, [{ otherId: 'v', n: 1, floor: 0.5 }], []);

    expect(offers.offer('a', 'v', 0.1, true)).toBe(true);
    expect(offers.offer('b', 'v', 0.1, true)).toBe(false);
    expect(offers.offer('c', 'v', 0.2, false)).toBe(true);
  });
});
