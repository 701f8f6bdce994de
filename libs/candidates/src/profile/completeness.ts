import {
  COMPLETENESS_ITEMS,
  type Completeness,
  type CompletenessItem,
  type ProfileSections,
} from '../candidate.types';

const REQUIRED_FOR_ACTIVATION: ReadonlySet<CompletenessItem> = new Set([
  'occupations',
  'skills',
  'languages',
]);

const HINTS: Record<CompletenessItem, string> = {
  occupations: 'Add at least one occupation you are looking for',
  skills: 'Add at least one skill',
  languages: 'Add at least one language with its CEFR level',
  education: 'Add your education (EQF level)',
  workExperience: 'Add your work experience',
  preferredMemberStates: 'Choose the Member States where you would like to work',
  earliestStartDate: 'Tell employers when you could start',
};

function present(profile: ProfileSections, item: CompletenessItem): boolean {
  switch (item) {
    case 'earliestStartDate':
      return profile.earliestStartDate !== null;
    case 'occupations':
    case 'skills':
    case 'languages':
    case 'education':
    case 'workExperience':
    case 'preferredMemberStates':
      return profile[item].length > 0;
  }
}

/** How complete a profile is, naming what is missing and what activation still needs. */
export function completenessOf(profile: ProfileSections): Completeness {
  const missing = COMPLETENESS_ITEMS.filter((item) => !present(profile, item)).map((item) => ({
    item,
    requiredForActivation: REQUIRED_FOR_ACTIVATION.has(item),
    hint: HINTS[item],
  }));
  return {
    percent: Math.round((100 * (COMPLETENESS_ITEMS.length - missing.length)) / COMPLETENESS_ITEMS.length),
    readyForActivation: missing.every((entry) => !entry.requiredForActivation),
    missing,
  };
}
