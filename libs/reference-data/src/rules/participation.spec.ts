import { participatesOn, participatingMemberStatesSql, type ParticipationDates } from './participation';

const state = (overrides: Partial<ParticipationDates> = {}): ParticipationDates => ({
  participating: true,
  participationStartDate: '2025-10-15',
  withdrawalDate: null,
  ...overrides,
});

describe('Member State participation', () => {
  it('participates from the start date until the day before withdrawal', () => {
    const withdrawing = state({ withdrawalDate: '2026-06-01' });
    expect(participatesOn(withdrawing, '2025-10-14')).toBe(false);
    expect(participatesOn(withdrawing, '2025-10-15')).toBe(true);
    expect(participatesOn(withdrawing, '2026-05-31')).toBe(true);
    expect(participatesOn(withdrawing, '2026-06-01')).toBe(false);
    expect(participatesOn(state({ participationStartDate: null }), '2020-01-01')).toBe(true);
    expect(participatesOn(state({ participating: false }), '2026-01-01')).toBe(false);
  });

  it('takes only a parameter, a column or current_date as the day of its SQL form', () => {
    expect(participatingMemberStatesSql('$1')).toContain('$1 < withdrawal_date');
    expect(participatingMemberStatesSql('current_date')).toContain('current_date < withdrawal_date');
    expect(() => participatingMemberStatesSql("'2026-01-01'; DROP TABLE x")).toThrow();
  });
});
