import type { CompiledVacancy } from '../scoring/compiled';
import { vacancyWeights, type ScoringModel } from '../scoring/score';
import type { VacancyBounds } from './feature-records';

/**
 * Upper bounds of a vacancy's score parts. A candidate's skill credit is at most the sum, over the
 * skills it holds, of what each could earn: a required skill covered twice is over-counted, never
 * under. Occupation credit needs the same ISCO minor group; every other factor is taken at full.
 */
export function vacancyBounds(vacancy: CompiledVacancy, model: ScoringModel): VacancyBounds {
  const w = vacancyWeights(vacancy, model.weights);
  const essentialShare = vacancy.essentialCount > 0 ? w.essentialSkills / vacancy.essentialCount : 0;
  const optionalShare = vacancy.optionalCount > 0 ? w.optionalSkills / vacancy.optionalCount : 0;
  const skills = new Map<number, number>();
  for (const [held, covers] of vacancy.cover) {
    let credit = 0;
    for (const cover of covers)
      credit +=
        (vacancy.essential[cover.index] ? essentialShare : optionalShare) *
        (cover.relation === 'exact' ? 1 : model.proximity[cover.relation]);
    skills.set(held, credit);
  }
  return {
    skills,
    occupation: w.occupation,
    rest: w.languages + w.education + w.experience + w.memberState + w.startDate,
  };
}
