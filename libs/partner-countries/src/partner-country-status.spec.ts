import { allowsCandidates, PARTNER_COUNTRY_STATUSES } from './partner-country-status';

describe('allowsCandidates', () => {
  it('allows eligible and talent-partnership countries and refuses suspended ones', () => {
    expect(PARTNER_COUNTRY_STATUSES.filter((status) => allowsCandidates(status))).toEqual([
      'eligible',
      'talent_partnership',
    ]);
  });
});
