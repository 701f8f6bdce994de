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

  it('keys an occupation scope by its state and a hash of its occupations, fit for a job id', () => {
    const scope = (occupationUris: string[], iscoCodes: string[], memberState: string | null = null) => ({
      memberState,
      occupationUris,
      iscoCodes,
    });
    const key = (data: ReturnType<typeof scope>) => dedupKeyOf({ name: 'matching.occupations', data });
    const uri = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
    expect(key(scope([uri], ['7212']))).toMatch(/^matching\.occupations\.EU-[0-9a-f]{32}$/);
    expect(key(scope([uri], ['7212']))).toBe(key(scope([uri], ['7212'])));
    expect(key(scope([uri], []))).not.toBe(key(scope([], ['7212'])));
    expect(key(scope([], ['7212'], 'NL'))).toMatch(/^matching\.occupations\.NL-/);
    expect(withCompanions({ name: 'vacancies.sync-occupations', data: scope([], ['7212']) })).toEqual([
      { name: 'vacancies.sync-occupations', data: scope([], ['7212']) },
      { name: 'matching.occupations', data: scope([], ['7212']) },
    ]);
  });
});
