import { buildJobSearch, jobFilter, type JobQuery } from './job-query';

const NOW = new Date('2026-05-01T00:00:00Z');
const base: JobQuery = { sort: 'relevance', limit: 20, offset: 0 };

describe('jobFilter', () => {
  it('hides vacancies past expiry and narrows by every criterion', () => {
    expect(
      jobFilter(
        {
          ...base,
          memberStates: ['nl'],
          cities: ['Rotterdam'],
          sectors: ['construction'],
          languages: ['nl'],
          languagesRequired: true,
          contractTypes: ['permanent'],
          minPay: 2500,
          payPeriod: 'month',
          payCurrency: 'eur',
        },
        NOW,
      ),
    ).toEqual([
      `expiresAt > ${NOW.getTime() / 1000}`,
      'sector IN ["construction"]',
      'memberState IN ["NL"]',
      'city IN ["Rotterdam"]',
      'requiredLanguageCodes IN ["nl"]',
      'contractType IN ["permanent"]',
      '(payMax >= 2500 OR payMin >= 2500)',
      'payPeriod = "month"',
      'payCurrency = "EUR"',
    ]);
  });

  it('sorts by the requested order', () => {
    expect(buildJobSearch({ ...base, sort: 'newest' }, NOW).sort).toEqual(['publishedAt:desc']);
    expect(buildJobSearch(base, NOW).sort).toBeUndefined();
  });
});
