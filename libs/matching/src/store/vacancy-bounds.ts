import type { CompiledVacancy } from '../scoring/compiled';
import {
  MINOR_GROUP_OCCUPATION,
  SIBLING_OCCUPATION,
  vacancyWeights,
  type ScoringModel,
} from '../scoring/score';
import type { VacancyBounds } from './feature-records';

/**
 * Upper bounds of a vacancy's score parts. A candidate's skill credit is at most the sum, over the
 * skills it holds, of what each could earn: a required skill covered twice is over-counted, never
 * under. Occupation and experience credit are bounded by how close the candidate's declared
 * occupations come (the same occupation, ISCO unit group or minor group: experience counts only in
 * the first two). A candidate declaring the vacancy's occupation is also in its unit and minor
 * groups: queries take the most of the three lists a record is in (`BoundAccumulator.raise`), not
 * their sum, as the score counts only the closest occupation. The Member State factor is kept
 * apart, for a side that can read the candidate's preferences; every other factor is taken at full.
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
        vacancy.skillWeight[cover.index] *
        (cover.relation === 'exact' ? 1 : model.proximity[cover.relation]);
    skills.set(held, credit);
  }
  // Experience needs the occupation or its unit group, unless the vacancy asks for none (0 years).
  const experience = vacancy.input.minExperienceYears === 0 ? 0 : w.experience;
  return {
    skills,
    occupation: w.occupation + experience,
    unit: SIBLING_OCCUPATION * w.occupation + experience,
    group: MINOR_GROUP_OCCUPATION * w.occupation,
    memberState: w.memberState,
    rest: w.languages + w.education + w.startDate + (w.experience - experience),
  };
}
