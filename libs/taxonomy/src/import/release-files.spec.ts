import { compareVersions } from './release-files';

describe('compareVersions', () => {
  it('orders ESCO versions numerically', () => {
    expect(['v1.2.0', 'v1.1.1', 'v1.10.0', 'v1.1'].sort(compareVersions)).toEqual([
      'v1.1',
      'v1.1.1',
      'v1.2.0',
      'v1.10.0',
    ]);
  });
});
