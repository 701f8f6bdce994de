import { visibilityChange } from './country-impact';

describe('partner-country visibility change', () => {
  it('hides on suspension, restores on lifting, and leaves other changes alone', () => {
    expect(visibilityChange('talent_partnership', 'suspended')).toBe('hidden');
    expect(visibilityChange('eligible', 'suspended')).toBe('hidden');
    expect(visibilityChange('suspended', 'eligible')).toBe('restored');
    expect(visibilityChange('suspended', 'talent_partnership')).toBe('restored');
    expect(visibilityChange('eligible', 'talent_partnership')).toBe('none');
    expect(visibilityChange('suspended', 'suspended')).toBe('none');
  });
});
