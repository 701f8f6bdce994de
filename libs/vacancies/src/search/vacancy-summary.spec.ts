import { SUMMARY_LENGTH, summaryOf } from './vacancy-document';

describe('vacancy summary', () => {
  it('keeps a short description whole, with its spaces tidied', () => {
    expect(summaryOf('  Welding of   hull sections.\n')).toBe('Welding of hull sections.');
  });

  it('cuts a long description at a word boundary and marks the cut', () => {
    const long = 'Welding of steel hull sections in a ship repair yard. '.repeat(10);
    const summary = summaryOf(long);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH + 1);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(summary.slice(0, -1)).not.toMatch(/[\s.,;:]$/);
  });
});
