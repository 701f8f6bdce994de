import type { DomainErrorDetail } from '@app/common';
import { PartnerCountries } from '@app/partner-countries';
import { ReferenceData } from '@app/reference-data';
import { TaxonomyLookup } from '@app/taxonomy';
import { Injectable } from '@nestjs/common';
import { InvalidProfileError, UnknownEscoConceptError, UnknownReferenceError } from '../candidate.errors';
import type { ProfileChanges, Programme } from '../candidate.types';
import { isIsoDate } from './iso-date';

type Problems = DomainErrorDetail[];

const upper = (code: string) => code.trim().toUpperCase();
const lower = (code: string) => code.trim().toLowerCase();

/**
 * Checks a profile change against the taxonomy and the reference data and returns it normalised
 * (codes in canonical case). Shapes and list sizes are checked at the edge; this checks meaning.
 */
@Injectable()
export class ProfileValidator {
  constructor(
    private readonly taxonomy: TaxonomyLookup,
    private readonly referenceData: ReferenceData,
    private readonly partnerCountries: PartnerCountries,
  ) {}

  async validate(
    changes: ProfileChanges,
    context: { today: string; currentProgramme: Programme | null },
  ): Promise<ProfileChanges> {
    const normalised = normalise(changes);
    await this.checkEsco(normalised);
    await this.checkReferences(normalised, context.today);
    const invalid = checkDatesAndConsistency(normalised, context);
    if (invalid.length > 0)
      throw new InvalidProfileError('INVALID_PROFILE', 'The profile is invalid', invalid);
    return normalised;
  }

  private async checkEsco(changes: ProfileChanges): Promise<void> {
    const occupationUris = [
      ...(changes.occupations ?? []).map((entry) => entry.uri),
      ...(changes.workExperience ?? []).map((entry) => entry.occupationUri),
    ];
    const skillUris = (changes.skills ?? []).map((entry) => entry.uri);
    const [occupations, skills] = await Promise.all([
      this.taxonomy.findOccupations(occupationUris),
      this.taxonomy.findSkills(skillUris),
    ]);
    const liveOccupations = new Set(occupations.filter((o) => !o.obsolete).map((o) => o.uri));
    const liveSkills = new Set(skills.filter((s) => !s.obsolete).map((s) => s.uri));
    const problems: Problems = [];
    (changes.occupations ?? []).forEach((entry, i) => {
      if (!liveOccupations.has(entry.uri))
        problems.push({ field: `occupations.${i}.uri`, reason: `${entry.uri} is not an ESCO occupation` });
    });
    (changes.workExperience ?? []).forEach((entry, i) => {
      if (!liveOccupations.has(entry.occupationUri))
        problems.push({
          field: `workExperience.${i}.occupationUri`,
          reason: `${entry.occupationUri} is not an ESCO occupation`,
        });
    });
    (changes.skills ?? []).forEach((entry, i) => {
      if (!liveSkills.has(entry.uri))
        problems.push({ field: `skills.${i}.uri`, reason: `${entry.uri} is not an ESCO skill` });
    });
    if (problems.length > 0) throw new UnknownEscoConceptError(problems);
  }

  private async checkReferences(changes: ProfileChanges, today: string): Promise<void> {
    const countryCodes = [
      changes.residenceCountry,
      ...(changes.citizenships ?? []),
      ...(changes.education ?? []).map((entry) => entry.countryCode),
      ...(changes.qualifications ?? []).map((entry) => entry.countryCode),
      ...(changes.workExperience ?? []).map((entry) => entry.countryCode),
      changes.programme?.partnerCountry,
    ].filter((code): code is string => Boolean(code));
    const [countryByCode, languages, cefr, eqf, memberStates] = await Promise.all([
      this.referenceData.countriesByCode(countryCodes),
      this.referenceData.listLanguages(),
      this.referenceData.listCefrLevels(),
      this.referenceData.listEqfLevels(),
      this.referenceData.listMemberStates({ participatingOn: today }),
    ]);
    const languageCodes = new Set(languages.map((language) => language.code));
    const cefrCodes = new Set(cefr.map((level) => level.code));
    const eqfLevels = new Set(eqf.map((level) => level.level));
    const participating = new Set(memberStates.map((state) => state.countryCode));
    const problems: Problems = [];
    const country = (field: string, code: string | null | undefined) => {
      if (code && !countryByCode.has(code)) problems.push({ field, reason: `${code} is not a country code` });
    };
    country('residenceCountry', changes.residenceCountry);
    changes.citizenships?.forEach((code, i) => country(`citizenships.${i}`, code));
    changes.languages?.forEach((entry, i) => {
      if (!languageCodes.has(entry.code))
        problems.push({
          field: `languages.${i}.code`,
          reason: `${entry.code} is not an ISO 639-1 language code`,
        });
      if (!cefrCodes.has(entry.cefr))
        problems.push({
          field: `languages.${i}.cefr`,
          reason: `${entry.cefr} is not a CEFR level (A1 to C2)`,
        });
    });
    changes.education?.forEach((entry, i) => {
      if (!eqfLevels.has(entry.eqfLevel))
        problems.push({ field: `education.${i}.eqfLevel`, reason: 'must be an EQF level from 1 to 8' });
      country(`education.${i}.countryCode`, entry.countryCode);
    });
    changes.qualifications?.forEach((entry, i) =>
      country(`qualifications.${i}.countryCode`, entry.countryCode),
    );
    changes.workExperience?.forEach((entry, i) =>
      country(`workExperience.${i}.countryCode`, entry.countryCode),
    );
    changes.preferredMemberStates?.forEach((code, i) => {
      if (!participating.has(code))
        problems.push({
          field: `preferredMemberStates.${i}`,
          reason: `${code} is not a Member State participating in the EU Talent Pool`,
        });
    });
    if (changes.programme) {
      const partner = countryByCode.get(changes.programme.partnerCountry);
      if (!partner || partner.euMember) {
        problems.push({ field: 'programme.partnerCountry', reason: 'must be a country outside the EU' });
      } else if (changes.programme.type === 'talent_partnership') {
        const status = await this.partnerCountries.statusOn(partner.alpha2, today);
        if (status.status !== 'talent_partnership')
          problems.push({
            field: 'programme.partnerCountry',
            reason: `${partner.alpha2} is not an EU Talent Partnership country`,
          });
      }
    }
    if (problems.length > 0) throw new UnknownReferenceError(problems);
  }
}

function normalise(changes: ProfileChanges): ProfileChanges {
  return {
    ...changes,
    residenceCountry: changes.residenceCountry && upper(changes.residenceCountry),
    citizenships: changes.citizenships && [...new Set(changes.citizenships.map(upper))],
    languages: changes.languages?.map((entry) => ({ code: lower(entry.code), cefr: upper(entry.cefr) })),
    education: changes.education?.map((entry) => ({ ...entry, countryCode: upper(entry.countryCode) })),
    qualifications: changes.qualifications?.map((entry) => ({
      ...entry,
      countryCode: entry.countryCode ? upper(entry.countryCode) : null,
    })),
    workExperience: changes.workExperience?.map((entry) => ({
      ...entry,
      countryCode: upper(entry.countryCode),
    })),
    preferredMemberStates: changes.preferredMemberStates && [
      ...new Set(changes.preferredMemberStates.map(upper)),
    ],
    programme: changes.programme && {
      ...changes.programme,
      partnerCountry: upper(changes.programme.partnerCountry),
    },
  };
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

function checkDatesAndConsistency(
  changes: ProfileChanges,
  context: { today: string; currentProgramme: Programme | null },
): Problems {
  const problems: Problems = [];
  const year = Number(context.today.slice(0, 4));
  for (const [field, values] of [
    ['occupations', (changes.occupations ?? []).map((entry) => entry.uri)],
    ['skills', (changes.skills ?? []).map((entry) => entry.uri)],
    ['languages', (changes.languages ?? []).map((entry) => entry.code)],
  ] as const) {
    for (const value of new Set(duplicates(values)))
      problems.push({ field, reason: `${value} is listed twice` });
  }
  changes.education?.forEach((entry, i) => {
    if (entry.completionYear < 1940 || entry.completionYear > year + 10)
      problems.push({
        field: `education.${i}.completionYear`,
        reason: `must be between 1940 and ${year + 10}`,
      });
  });
  changes.qualifications?.forEach((entry, i) => {
    if (entry.year !== null && entry.year !== undefined && (entry.year < 1940 || entry.year > year))
      problems.push({ field: `qualifications.${i}.year`, reason: `must be between 1940 and ${year}` });
  });
  changes.workExperience?.forEach((entry, i) => {
    const field = `workExperience.${i}`;
    if (!isIsoDate(entry.startDate) || entry.startDate > context.today)
      problems.push({ field: `${field}.startDate`, reason: 'must be a real date, not in the future' });
    if (entry.endDate && (!isIsoDate(entry.endDate) || entry.endDate > context.today))
      problems.push({ field: `${field}.endDate`, reason: 'must be a real date, not in the future' });
    if (entry.endDate && entry.endDate < entry.startDate)
      problems.push({ field: `${field}.endDate`, reason: 'must not be before the start date' });
  });
  if (changes.earliestStartDate && !isIsoDate(changes.earliestStartDate))
    problems.push({ field: 'earliestStartDate', reason: 'must be a real date (YYYY-MM-DD)' });
  const programme = changes.programme !== undefined ? changes.programme : context.currentProgramme;
  if (!programme && changes.skills?.some((skill) => skill.viaProgramme))
    problems.push({
      field: 'skills',
      reason: 'skills marked viaProgramme need the profile’s programme to be set',
    });
  return problems;
}
