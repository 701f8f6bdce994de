import { dedupKeyOf, withCompanions } from './job-map';

const id = '0b6a3c52-4f7e-4b8e-9a51-7f3c1d2e9a10';

describe('job map', () => {
  it('derives every dedup key as <job name>.<what it works on>', () => {
    expect(dedupKeyOf({ name: 'vacancies.sync', data: { vacancyId: id } })).toBe(`vacancies.sync.${id}`);
    expect(dedupKeyOf({ name: 'matching.country', data: { countryCode: 'MA' } })).toBe('matching.country.MA');
    expect(dedupKeyOf({ name: 'matching.refresh', data: { reason: 'cli' } })).toBe('matching.refresh.all');
    expect(dedupKeyOf({ name: 'mail.send', data: { messageId: id } })).toBeNull();
  });

  it('records the matching job with the index job it travels with', () => {
    expect(withCompanions({ name: 'vacancies.sync', data: { vacancyId: id } })).toEqual([
      { name: 'vacancies.sync', data: { vacancyId: id } },
      { name: 'matching.vacancy', data: { vacancyId: id } },
    ]);
    expect(
      withCompanions({ name: 'candidates.sync-index', data: { candidateId: id, referenceCode: 'TP-1' } }).map(
        (job) => job.name,
      ),
    ).toEqual(['candidates.sync-index', 'matching.candidate']);
    expect(withCompanions({ name: 'vacancies.reindex', data: { reason: 'cli' } })).toEqual([
      { name: 'vacancies.reindex', data: { reason: 'cli' } },
      { name: 'matching.refresh', data: { reason: 'cli' } },
    ]);
    expect(withCompanions({ name: 'mail.send', data: { messageId: id } })).toHaveLength(1);
  });
});
