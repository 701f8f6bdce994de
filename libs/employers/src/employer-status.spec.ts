import { canTransition, normaliseRegistrationNumber, transitionAction } from './employer-status';

describe('employer verification workflow', () => {
  it('goes pending → verified → suspended → verified and ends at removed', () => {
    expect(canTransition('pending', 'verified')).toBe(true);
    expect(canTransition('verified', 'suspended')).toBe(true);
    expect(canTransition('suspended', 'verified')).toBe(true);
    expect(canTransition('suspended', 'removed')).toBe(true);
    expect(canTransition('pending', 'suspended')).toBe(false);
    expect(canTransition('verified', 'verified')).toBe(false);
    for (const to of ['pending', 'verified', 'suspended', 'removed'] as const) {
      expect(canTransition('removed', to)).toBe(false);
    }
  });

  it('names each transition for the audit log', () => {
    expect(transitionAction('pending', 'verified')).toBe('employer.verified');
    expect(transitionAction('suspended', 'verified')).toBe('employer.reinstated');
    expect(transitionAction('verified', 'suspended')).toBe('employer.suspended');
    expect(transitionAction('pending', 'removed')).toBe('employer.removed');
  });

  it('compares registration numbers without case or separators', () => {
    expect(normaliseRegistrationNumber(' kvk 1234.56-78/a ')).toBe('KVK12345678A');
  });
});
