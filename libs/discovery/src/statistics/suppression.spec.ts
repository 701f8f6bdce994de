import { cell, cells, SUPPRESSION_THRESHOLD } from './suppression';

describe('suppression', () => {
  it('withholds counts from 1 to 9 in the public view only', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(10);
    expect([0, 1, 9, 10, 250].map((count) => cell(count, 'public'))).toEqual([0, null, null, 10, 250]);
    expect([0, 1, 9, 10].map((count) => cell(count, 'admin'))).toEqual([0, 1, 9, 10]);
  });

  it('applies to every cell of a distribution', () => {
    expect(cells({ MA: 12, TN: 3 }, 'public')).toEqual({ MA: 12, TN: null });
    expect(cells(undefined, 'admin')).toEqual({});
  });
});
