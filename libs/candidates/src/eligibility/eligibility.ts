import { allowsCandidates } from '@app/partner-countries';
import type { EligibilityRefusal } from '../candidate.errors';
import type { CountryEligibility } from '../candidate.types';

export interface EligibilityFacts {
  /** ISO dates YYYY-MM-DD. */
  dateOfBirth: string;
  today: string;
  minAge: number;
  residence: CountryEligibility;
  citizenships: readonly CountryEligibility[];
}

/** Whole years between two ISO dates; a 29 February birthday is reached on 1 March in other years. */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  const birthdayReached = tm > bm || (tm === bm && td >= bd);
  return ty - by - (birthdayReached ? 0 : 1);
}

/** Every reason the facts make someone ineligible; empty when eligible. */
export function eligibilityRefusals(facts: EligibilityFacts): EligibilityRefusal[] {
  const refusals: EligibilityRefusal[] = [];
  if (facts.residence.euMember) {
    refusals.push({
      code: 'RESIDENCE_IN_EU',
      field: 'residenceCountry',
      reason: `The EU Talent Pool is for people living outside the EU; ${facts.residence.code} is an EU Member State`,
    });
  } else if (!allowsCandidates(facts.residence.status)) {
    refusals.push({
      code: 'RESIDENCE_COUNTRY_NOT_ELIGIBLE',
      field: 'residenceCountry',
      reason: `Residents of ${facts.residence.code} cannot register at present: its participation is suspended`,
    });
  }
  const euCitizenships = facts.citizenships.filter((country) => country.euMember);
  if (euCitizenships.length > 0) {
    refusals.push({
      code: 'EU_CITIZENSHIP',
      field: 'citizenships',
      reason: `EU citizens (${euCitizenships.map((country) => country.code).join(', ')}) can already work in the EU and cannot register`,
    });
  }
  for (const country of facts.citizenships) {
    if (!country.euMember && !allowsCandidates(country.status)) {
      refusals.push({
        code: 'CITIZENSHIP_COUNTRY_NOT_ELIGIBLE',
        field: 'citizenships',
        reason: `Citizens of ${country.code} cannot register at present: its participation is suspended`,
      });
    }
  }
  if (ageOn(facts.dateOfBirth, facts.today) < facts.minAge) {
    refusals.push({
      code: 'BELOW_MINIMUM_AGE',
      field: 'dateOfBirth',
      reason: `Candidates must be at least ${facts.minAge} years old`,
    });
  }
  return refusals;
}
