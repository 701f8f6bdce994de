import { InvalidProfileError } from '../candidate.errors';
import { PROFILE_LIMITS, type ProfileChanges, type ProfileSections } from '../candidate.types';

/**
 * The profile sections after accepting suggested ESCO concepts: new occupations (no years of
 * experience claimed yet) and skills are added after the ones already there, which stay untouched.
 */
export function withAcceptedConcepts(
  profile: Pick<ProfileSections, 'occupations' | 'skills'>,
  accepted: { occupationUris: readonly string[]; skillUris: readonly string[] },
): Pick<ProfileChanges, 'occupations' | 'skills'> {
  const occupations = [...profile.occupations];
  for (const uri of new Set(accepted.occupationUris))
    if (!occupations.some((entry) => entry.uri === uri)) occupations.push({ uri, yearsOfExperience: 0 });
  const skills = [...profile.skills];
  for (const uri of new Set(accepted.skillUris))
    if (!skills.some((entry) => entry.uri === uri)) skills.push({ uri });
  const over = [
    ...(occupations.length > PROFILE_LIMITS.occupations ? ['occupations'] : []),
    ...(skills.length > PROFILE_LIMITS.skills ? ['skills'] : []),
  ];
  if (over.length > 0)
    throw new InvalidProfileError(
      'PROFILE_LIMIT_REACHED',
      'Accepting these suggestions would exceed what a profile holds',
      over.map((field) => ({
        field,
        reason: `at most ${PROFILE_LIMITS[field as 'occupations' | 'skills']}`,
      })),
    );
  return { occupations, skills };
}
