import { addMonths, participationProblems, type Participation } from './participation';

const state = (overrides: Partial<Participation> = {}): Participation => ({
  participating: true,
  notificationDate: '2025-01-15',
  participationStartDate: '2025-10-15',
  withdrawalDate: null,
  allowedEntityTypes: ['employer'],
  ...overrides,
});

describe('Member State participation rules', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-15', 9)).toBe('2025-10-15');
    expect(addMonths('2025-05-31', 9)).toBe('2026-02-28');
    expect(addMonths('2027-05-31', 9)).toBe('2028-02-29');
  });

  it('needs the start date at least 9 months after the notification', () => {
    expect(participationProblems(state())).toEqual([]);
    expect(participationProblems(state({ participationStartDate: '2025-10-14' }))).toEqual([
      { field: 'participationStartDate', reason: expect.stringContaining('2025-10-15 or later') },
    ]);
    expect(participationProblems(state({ notificationDate: null }))).toEqual([
      { field: 'notificationDate', reason: expect.any(String) },
    ]);
    expect(participationProblems(state({ participationStartDate: null, notificationDate: null }))).toEqual(
      [],
    );
  });

  it('needs a withdrawal after the start and at least one entity type while participating', () => {
    expect(participationProblems(state({ withdrawalDate: '2025-10-15' })).map((p) => p.field)).toEqual([
      'withdrawalDate',
    ]);
    expect(participationProblems(state({ allowedEntityTypes: [] })).map((p) => p.field)).toEqual([
      'allowedEntityTypes',
    ]);
    expect(participationProblems(state({ participating: false, allowedEntityTypes: [] }))).toEqual([]);
  });
});
