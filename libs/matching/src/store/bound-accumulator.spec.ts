import { BoundAccumulator } from './bound-accumulator';

describe('BoundAccumulator', () => {
  it('keeps the most of the raised lists a slot is in, adds on top, and lists each slot once', () => {
    const acc = new BoundAccumulator();
    acc.begin(10);
    // Occupation lists nest: the same occupation's slots are also in its unit and minor groups.
    acc.raise([1, 2, 3, 4], 0.1);
    acc.raise([1, 2, 3], 0.3);
    acc.raise([1], 0.9);
    acc.raise([2], 0.2, [0.25]);
    acc.add([1, 5, 2], 0, [0.05, 0.4, 0.1]);
    acc.add([5, 6], 0.5);
    const bounds = Object.fromEntries(
      [...acc.touched.subarray(0, acc.count)].map((slot) => [slot, acc.bounds[slot]]),
    );
    expect(acc.count).toBe(6);
    const expected = { 1: 0.9 + 0.05, 2: 0.3 + 0.1, 3: 0.3, 4: 0.1, 5: 0.4 + 0.5, 6: 0.5 };
    expect(Object.keys(bounds)).toEqual(Object.keys(expected));
    for (const [slot, value] of Object.entries(expected)) expect(bounds[slot]).toBeCloseTo(value, 12);
  });

  it('starts every query afresh', () => {
    const acc = new BoundAccumulator();
    acc.begin(4);
    acc.add([0, 1], 0.5);
    acc.begin(2_000);
    acc.raise([1, 1_500], 0.2);
    expect([...acc.touched.subarray(0, acc.count)]).toEqual([1, 1_500]);
    expect([acc.bounds[1], acc.bounds[1_500]]).toEqual([0.2, 0.2]);
  });
});
