import type { VacancyFields } from '../vacancy-fields';
import type { VacancyEntity } from '../vacancy.entity';
import { changedFields, isSubstantive } from './vacancy-changes';

const fields = {
  title: 'Welder',
  occupationUri: 'http://data.europa.eu/esco/occupation/welder',
  skills: [{ uri: 'http://data.europa.eu/esco/skill/weld', requirement: 'essential' }],
  payMin: 2800,
  region: null,
} as unknown as VacancyFields;
const current = { ...fields, id: 'v', status: 'published' } as unknown as VacancyEntity;

describe('vacancy changes', () => {
  it('finds no change when every field is equal, arrays and nulls included', () => {
    expect(changedFields(current, { ...fields })).toEqual([]);
  });

  it('names the changed fields and tells a wording change from a substantive one', () => {
    const retitled = changedFields(current, { ...fields, title: 'MIG welder', payMin: 3000 });
    expect(retitled).toEqual(['title', 'payMin']);
    expect(isSubstantive(retitled)).toBe(false);
    const reskilled = changedFields(current, {
      ...fields,
      skills: [{ uri: 'http://data.europa.eu/esco/skill/weld', requirement: 'optional' }],
    });
    expect(reskilled).toEqual(['skills']);
    expect(isSubstantive(reskilled)).toBe(true);
  });
});
