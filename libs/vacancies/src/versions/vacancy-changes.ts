import type { VacancyFields } from '../vacancy-fields';
import type { VacancyEntity } from '../vacancy.entity';

/**
 * Fields whose change can alter whether the vacancy may be published (occupation, place of work,
 * the competitiveness basis) or whom it matches (skills, languages, minimums, start date): a
 * published vacancy changed in one of them is checked again against the publication rule.
 */
const SUBSTANTIVE = new Set<keyof VacancyFields>([
  'occupationUri',
  'memberState',
  'city',
  'region',
  'skills',
  'languages',
  'minEqfLevel',
  'minExperienceYears',
  'startDate',
  'contributesToCompetitiveness',
  'competitivenessJustification',
]);

/** The fields `next` changes on `current`, in the order of `next`. */
export function changedFields(current: VacancyEntity, next: VacancyFields): (keyof VacancyFields)[] {
  return (Object.keys(next) as (keyof VacancyFields)[]).filter(
    (field) => JSON.stringify(current[field] ?? null) !== JSON.stringify(next[field] ?? null),
  );
}

export function isSubstantive(fields: readonly (keyof VacancyFields)[]): boolean {
  return fields.some((field) => SUBSTANTIVE.has(field));
}
