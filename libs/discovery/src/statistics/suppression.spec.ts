import { cell, cells, ROUNDING_BASE, SUPPRESSION_THRESHOLD, type StatisticsView } from './suppression';

/**
 * What a reader who knows the rules can work out: every table of true counts (up to `max` a cell)
 * is published, tables are grouped by what the public sees, and a cell counts as disclosed when all
 * tables that publish the same thing agree on its value and that value is small (1 to 9).
 */
function disclosedCells(
  cellCount: number,
  max: number,
  publish: (counts: number[]) => unknown,
): { publication: string; cell: number; value: number }[] {
  const seen = new Map<string, Set<number>[]>();
  const counts = new Array<number>(cellCount).fill(0);
  const visit = (i: number): void => {
    if (i === cellCount) {
      const publication = JSON.stringify(publish(counts));
      const values = seen.get(publication) ?? counts.map(() => new Set<number>());
      counts.forEach((count, j) => values[j].add(count));
      seen.set(publication, values);
      return;
    }
    for (let count = 0; count <= max; count += 1) {
      counts[i] = count;
      visit(i + 1);
    }
  };
  visit(0);
  const disclosed: { publication: string; cell: number; value: number }[] = [];
  for (const [publication, values] of seen) {
    values.forEach((possible, j) => {
      const [only] = [...possible];
      if (possible.size === 1 && only > 0 && only < SUPPRESSION_THRESHOLD) {
        disclosed.push({ publication, cell: j, value: only });
      }
    });
  }
  return disclosed;
}

const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
const KEYS = ['MA', 'TN', 'EG', 'PK'];

/** A total with its breakdown, as the statistics endpoints publish them. */
function distribution(counts: number[], view: StatisticsView = 'public') {
  return {
    count: cell(sum(counts), view),
    by: cells(Object.fromEntries(counts.map((count, i) => [KEYS[i], count])), view),
  };
}

describe('statistical disclosure control', () => {
  it('leaves small categories out, key and all, and rounds everything else, totals included', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(10);
    expect(ROUNDING_BASE).toBe(10);
    expect([0, 1, 9, 10, 14, 15, 24, 250].map((count) => cell(count, 'public'))).toEqual([
      0,
      null,
      null,
      10,
      10,
      20,
      20,
      250,
    ]);
    expect(cells({ MA: 12, TN: 3, EG: 0, PK: 27 }, 'public')).toEqual({ MA: 10, PK: 30 });
    expect(cells({ MA: 12, TN: 3 }, 'admin')).toEqual({ MA: 12, TN: 3 });
    expect(cells(undefined, 'public')).toEqual({});
  });

  it('does not let a total minus the published categories reveal a small one (11 = 10 + 1)', () => {
    const published = distribution([10, 1]);
    expect(published).toEqual({ count: 10, by: { MA: 10 } });
    const consistent = [];
    for (let ma = 0; ma <= 30; ma += 1) {
      for (let tn = 0; tn <= 30; tn += 1) {
        if (JSON.stringify(distribution([ma, tn])) === JSON.stringify(published)) consistent.push(tn);
      }
    }
    expect(new Set(consistent).size).toBeGreaterThan(1);
  });

  it('discloses no small category of a breakdown of up to four categories and its total', () => {
    expect(disclosedCells(2, 45, distribution)).toEqual([]);
    expect(disclosedCells(3, 35, distribution)).toEqual([]);
    expect(disclosedCells(4, 20, distribution)).toEqual([]);
  });

  it('discloses no small cell of a two-way table published with its margins', () => {
    // Two occupations by two Member States: the occupation counts, the Member State counts, the
    // total and each occupation's breakdown, as the vacancy statistics publish them.
    const table = ([a, b, c, d]: number[]) => ({
      total: cell(a + b + c + d, 'public'),
      byMemberState: cells({ FR: a + c, DE: b + d }, 'public'),
      occupations: [
        { count: cell(a + b, 'public'), byMemberState: cells({ FR: a, DE: b }, 'public') },
        { count: cell(c + d, 'public'), byMemberState: cells({ FR: c, DE: d }, 'public') },
      ],
    });
    expect(disclosedCells(4, 20, table)).toEqual([]);
  });

  it('would disclose them without rounding, which is why it rounds', () => {
    const unrounded = (counts: number[]) => ({
      count: sum(counts) < SUPPRESSION_THRESHOLD ? null : sum(counts),
      by: counts.filter((count) => count >= SUPPRESSION_THRESHOLD),
    });
    expect(disclosedCells(2, 30, unrounded)).not.toEqual([]);
  });
});
