/**
 * Synthetic candidates and vacancies drawn from ESCO, deterministic for a given seed, for the search
 * and matching benchmarks.
 *
 *   const catalogue = await loadCatalogue(dataSource);          // ESCO profiles, countries, shortage lists
 *   const candidates = generateCandidates(catalogue, { count: 100_000, seed: 7 });
 *   const employers = generateEmployers(catalogue, { count: 500, seed: 7 });
 *   const vacancies = generateVacancies(catalogue, employers, { count: 10_000, seed: 7 });
 *   await insertCandidates(dataSource, candidates);              // accounts + candidate rows, bulk
 *   await insertEmployers(dataSource, employers);
 *   await insertVacancies(dataSource, vacancies);
 *   // then build the indexes with the product's own code: CandidateIndexer.rebuild(), VacancyIndexer.rebuild()
 *
 * `seedSyntheticData(dataSource, { candidates, vacancies, seed })` does all of the above but the index
 * build. The database needs the taxonomy, reference data and shortage seeds (`npm run cli -- setup`).
 * Candidate profiles follow the ESCO skill profile of their occupation (most essential skills, some
 * optional ones); about 93 % are active and available, the rest draft, expired or paused, so search
 * has profiles to leave out.
 */
import type { DataSource } from 'typeorm';
import { loadCatalogue, type OccupationProfile, type SyntheticCatalogue } from './catalogue';
import { insertCandidates, insertEmployers, insertVacancies } from './load';
import { SeededRandom } from './random';

export { loadCatalogue, type OccupationProfile, type SyntheticCatalogue } from './catalogue';
export { insertCandidates, insertEmployers, insertVacancies, SYNTHETIC_PASSWORD_HASH } from './load';
export { SeededRandom } from './random';

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
const CONTRACT_TYPES = ['permanent', 'fixed_term', 'seasonal', 'temporary_agency', 'apprenticeship'] as const;
const DAY = 86_400_000;

/** Languages spoken in a country of residence (first one native), ISO 639-1. */
const LANGUAGES_OF: Record<string, string[]> = {
  MA: ['ar', 'fr'],
  TN: ['ar', 'fr'],
  EG: ['ar', 'en'],
  PK: ['ur', 'en'],
  BD: ['bn', 'en'],
  IN: ['hi', 'en'],
  PH: ['tl', 'en'],
  UA: ['uk', 'ru'],
  NG: ['en', 'yo'],
  TR: ['tr'],
  CO: ['es'],
  VN: ['vi'],
  GH: ['en'],
  KE: ['sw', 'en'],
  SN: ['fr', 'wo'],
  UZ: ['uz', 'ru'],
  BR: ['pt'],
  RS: ['sr'],
  AL: ['sq'],
  GE: ['ka'],
  LK: ['si', 'en'],
  NP: ['ne', 'en'],
  ID: ['id'],
};
/** Languages candidates learn for work in the EU, with how often. */
const EU_LANGUAGES = [
  ['en', 50],
  ['de', 20],
  ['fr', 15],
  ['es', 10],
  ['it', 6],
  ['nl', 5],
  ['pt', 3],
  ['pl', 2],
  ['sv', 2],
] as const;
const LANGUAGE_OF_STATE: Record<string, string> = {
  AT: 'de',
  BE: 'fr',
  DE: 'de',
  ES: 'es',
  FR: 'fr',
  IT: 'it',
  LU: 'fr',
  NL: 'nl',
  PT: 'pt',
  PL: 'pl',
  SE: 'sv',
};
const GIVEN_NAMES = [
  'Amina',
  'Youssef',
  'Fatima',
  'Omar',
  'Priya',
  'Rahul',
  'Maria',
  'Jose',
  'Olena',
  'Chinedu',
];
const FAMILY_NAMES = [
  'Benali',
  'Haddad',
  'Khan',
  'Rahman',
  'Sharma',
  'Santos',
  'Kovalenko',
  'Okafor',
  'Nguyen',
];
const CITIES: Record<string, string[]> = {
  DE: ['Berlin', 'Hamburg', 'München', 'Köln', 'Stuttgart'],
  NL: ['Rotterdam', 'Amsterdam', 'Eindhoven', 'Utrecht'],
  FR: ['Lyon', 'Paris', 'Toulouse', 'Lille'],
  ES: ['Madrid', 'Valencia', 'Barcelona', 'Sevilla'],
  IT: ['Milano', 'Torino', 'Bologna'],
  BE: ['Antwerpen', 'Bruxelles', 'Gent'],
  AT: ['Wien', 'Graz', 'Linz'],
  PL: ['Warszawa', 'Gdańsk', 'Wrocław'],
  SE: ['Stockholm', 'Göteborg'],
  PT: ['Lisboa', 'Porto'],
};
const DEFAULT_CITIES = ['Capital City', 'Port Town', 'Industrial Park'];
const CURRENCY_OF: Record<string, string> = {
  PL: 'PLN',
  SE: 'SEK',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
};

export interface SyntheticCandidate {
  accountId: string;
  candidateId: string;
  email: string;
  referenceCode: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  residenceCountry: string;
  status: 'draft' | 'active' | 'expired';
  availability: 'available' | 'paused' | 'placed';
  earliestStartDate: string | null;
  preferredMemberStates: string[];
  programme: { type: 'talent_partnership' | 'bilateral' | 'national'; partnerCountry: string } | null;
  activatedAt: Date | null;
  expiresAt: Date | null;
  occupations: { uri: string; yearsOfExperience: number }[];
  skills: { uri: string; level: string | null; yearsOfExperience: number | null; viaProgramme: boolean }[];
  languages: { code: string; cefr: string }[];
  education: { eqfLevel: number; field: string; countryCode: string; completionYear: number }[];
}

export interface SyntheticEmployer {
  id: string;
  name: string;
  memberState: string;
  registrationNumber: string;
}

export interface SyntheticVacancy {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  occupationUri: string;
  memberState: string;
  city: string;
  contractType: string;
  hoursPerWeek: number;
  numberOfPosts: number;
  pay: { min: number; max: number; currency: string; period: 'month' } | null;
  skills: { uri: string; requirement: 'essential' | 'optional' }[];
  languages: { code: string; minCefr: string; requirement: 'required' | 'preferred' }[];
  minEqfLevel: number | null;
  minExperienceYears: number | null;
  contributesToCompetitiveness: boolean;
  publishedAt: Date;
  expiresAt: Date;
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Reference point for dates (defaults to now); fix it too for byte-identical output. */
  now?: Date;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Reference codes from a seed-scrambled counter: unique within a seed, valid `TP-XXXX-XXXX`. */
function referenceCode(seed: number, index: number): string {
  const space = 36 ** 8;
  const value = (index * 2_654_435_761 + seed * 97_531) % space;
  const code = value.toString(36).toUpperCase().padStart(8, '0');
  return `TP-${code.slice(0, 4)}-${code.slice(4)}`;
}

export function generateCandidates(
  catalogue: SyntheticCatalogue,
  options: GenerateOptions,
): SyntheticCandidate[] {
  const random = new SeededRandom(options.seed);
  const now = options.now ?? new Date();
  // Shortage occupations are over-represented, as they are in real labour-mobility pools.
  const shortage = new Set(catalogue.shortageOccupations.map((entry) => entry.uri));
  const weightedOccupations = catalogue.occupations.map(
    (occupation) => [occupation, shortage.has(occupation.uri) ? 40 : 1] as const,
  );
  const byMinorGroup = new Map<string, OccupationProfile[]>();
  for (const occupation of catalogue.occupations) {
    const group = occupation.iscoCode.slice(0, 3);
    byMinorGroup.set(group, [...(byMinorGroup.get(group) ?? []), occupation]);
  }
  const candidates: SyntheticCandidate[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const primary = random.weighted(weightedOccupations);
    const occupations = [primary];
    if (random.chance(0.2)) {
      const second = random.pick(byMinorGroup.get(primary.iscoCode.slice(0, 3)) ?? [primary]);
      if (second.uri !== primary.uri) occupations.push(second);
    }
    const residenceCountry = random.weighted(catalogue.residenceCountries);
    const experience = random.int(0, 25);
    const programme = programmeFor(random, residenceCountry, catalogue);
    const skills = new Map<string, SyntheticCandidate['skills'][number]>();
    for (const occupation of occupations) {
      const essential = random.sample(
        occupation.essentialSkills,
        Math.ceil(occupation.essentialSkills.length * (0.55 + random.next() * 0.35)),
      );
      const optional = random.sample(occupation.optionalSkills, random.int(2, 8));
      for (const uri of [...essential, ...optional]) {
        skills.set(uri, {
          uri,
          level: random.chance(0.7) ? random.pick(SKILL_LEVELS) : null,
          yearsOfExperience: random.chance(0.5) ? random.int(0, Math.max(1, experience)) : null,
          viaProgramme: programme !== null && random.chance(0.3),
        });
      }
    }
    const status = random.weighted([
      ['active', 95],
      ['draft', 2],
      ['expired', 3],
    ] as const);
    const activatedAt = status === 'draft' ? null : new Date(now.getTime() - random.int(1, 330) * DAY);
    const expiresAt =
      status === 'draft'
        ? null
        : status === 'expired'
          ? new Date(now.getTime() - random.int(1, 60) * DAY)
          : new Date(now.getTime() + random.int(5, 360) * DAY);
    const preferred = random.sample(catalogue.memberStates, random.int(1, 4)).sort();
    candidates.push({
      accountId: random.uuid(),
      candidateId: random.uuid(),
      email: `synthetic-${options.seed}-${index}@example.invalid`,
      referenceCode: referenceCode(options.seed, index),
      givenName: random.pick(GIVEN_NAMES),
      familyName: random.pick(FAMILY_NAMES),
      dateOfBirth: isoDay(new Date(now.getTime() - random.int(19 * 365 + 5, 58 * 365) * DAY)),
      residenceCountry,
      status,
      availability: random.weighted([
        ['available', 96],
        ['paused', 3],
        ['placed', 1],
      ] as const),
      earliestStartDate: random.chance(0.8)
        ? isoDay(new Date(now.getTime() + random.int(-30, 270) * DAY))
        : null,
      preferredMemberStates: preferred,
      programme,
      activatedAt,
      expiresAt,
      occupations: occupations.map((occupation, position) => ({
        uri: occupation.uri,
        yearsOfExperience: position === 0 ? experience : random.int(0, experience),
      })),
      skills: [...skills.values()],
      languages: languagesFor(random, residenceCountry, preferred, catalogue.languages),
      education: educationFor(random, residenceCountry, now),
    });
  }
  return candidates;
}

function programmeFor(
  random: SeededRandom,
  country: string,
  catalogue: SyntheticCatalogue,
): SyntheticCandidate['programme'] {
  if (catalogue.talentPartnershipCountries.includes(country) && random.chance(0.3))
    return { type: 'talent_partnership', partnerCountry: country };
  if (random.chance(0.05)) return { type: 'bilateral', partnerCountry: country };
  if (random.chance(0.03)) return { type: 'national', partnerCountry: country };
  return null;
}

function languagesFor(
  random: SeededRandom,
  country: string,
  preferredStates: readonly string[],
  known: ReadonlySet<string>,
): SyntheticCandidate['languages'] {
  const levels = new Map<string, string>();
  const [native, ...others] = LANGUAGES_OF[country] ?? ['en'];
  levels.set(native, 'C2');
  for (const code of others) levels.set(code, random.pick(CEFR.slice(2)));
  for (let i = random.int(1, 2); i > 0; i -= 1) {
    const code = random.weighted(EU_LANGUAGES);
    if (!levels.has(code)) levels.set(code, random.pick(CEFR));
  }
  const target = LANGUAGE_OF_STATE[preferredStates[0] ?? ''];
  if (target && !levels.has(target) && random.chance(0.5)) levels.set(target, random.pick(CEFR.slice(0, 4)));
  return [...levels].filter(([code]) => known.has(code)).map(([code, cefr]) => ({ code, cefr }));
}

function educationFor(random: SeededRandom, country: string, now: Date): SyntheticCandidate['education'] {
  const highest = random.weighted([
    [2, 5],
    [3, 20],
    [4, 30],
    [5, 15],
    [6, 20],
    [7, 8],
    [8, 2],
  ] as const);
  const year = now.getUTCFullYear();
  const rows = [
    {
      eqfLevel: highest,
      field: 'Vocational training',
      countryCode: country,
      completionYear: year - random.int(1, 20),
    },
  ];
  if (highest > 3 && random.chance(0.5))
    rows.push({
      eqfLevel: 3,
      field: 'Secondary education',
      countryCode: country,
      completionYear: rows[0].completionYear - 3,
    });
  return rows;
}

export function generateEmployers(
  catalogue: SyntheticCatalogue,
  options: GenerateOptions,
): SyntheticEmployer[] {
  const random = new SeededRandom(options.seed ^ 0x5eed);
  return Array.from({ length: options.count }, (_, index) => {
    const memberState = random.pick(catalogue.memberStates);
    return {
      id: random.uuid(),
      name: `${random.pick(['Bouw', 'Care', 'Logistik', 'Tech', 'Hotel', 'Metal'])} ${index} ${memberState}`,
      memberState,
      registrationNumber: `SYN-${options.seed}-${index}`,
    };
  });
}

export function generateVacancies(
  catalogue: SyntheticCatalogue,
  employers: readonly SyntheticEmployer[],
  options: GenerateOptions,
): SyntheticVacancy[] {
  const random = new SeededRandom(options.seed ^ 0xfacade);
  const now = options.now ?? new Date();
  const byUri = new Map(catalogue.occupations.map((occupation) => [occupation.uri, occupation]));
  const inShortage = catalogue.shortageOccupations.filter((entry) => byUri.has(entry.uri));
  const vacancies: SyntheticVacancy[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const employer = random.pick(employers);
    // Outside the shortage list a vacancy must claim the EU-competitiveness flag (with a justification).
    const competitiveness = inShortage.length === 0 || random.chance(0.1);
    const occupation = competitiveness
      ? random.pick(catalogue.occupations)
      : byUri.get(random.pick(inShortage).uri)!;
    const base = random.int(18, 45) * 100;
    const publishedAt = new Date(now.getTime() - random.int(0, 150) * DAY);
    const language = LANGUAGE_OF_STATE[employer.memberState] ?? 'en';
    vacancies.push({
      id: random.uuid(),
      organisationId: employer.id,
      title: `${occupation.label} (${employer.memberState})`,
      description: 'Synthetic vacancy for benchmarks: full-time work with training on site.',
      occupationUri: occupation.uri,
      memberState: employer.memberState,
      city: random.pick(CITIES[employer.memberState] ?? DEFAULT_CITIES),
      contractType: random.pick(CONTRACT_TYPES),
      hoursPerWeek: random.pick([20, 32, 36, 38, 40]),
      numberOfPosts: random.int(1, 5),
      pay: random.chance(0.8)
        ? {
            min: base,
            max: base + random.int(2, 10) * 100,
            currency: CURRENCY_OF[employer.memberState] ?? 'EUR',
            period: 'month',
          }
        : null,
      skills: [
        ...random
          .sample(
            occupation.essentialSkills,
            Math.min(12, Math.ceil(occupation.essentialSkills.length * 0.6)),
          )
          .map((uri) => ({ uri, requirement: 'essential' as const })),
        ...random
          .sample(occupation.optionalSkills, random.int(0, 4))
          .map((uri) => ({ uri, requirement: 'optional' as const })),
      ],
      languages: [
        {
          code: language,
          minCefr: random.pick(['A2', 'B1', 'B2']),
          requirement: random.chance(0.7) ? 'required' : 'preferred',
        },
        ...(language !== 'en' && random.chance(0.4)
          ? [{ code: 'en', minCefr: 'B1', requirement: 'preferred' as const }]
          : []),
      ],
      minEqfLevel: random.chance(0.5) ? random.int(2, 6) : null,
      minExperienceYears: random.chance(0.6) ? random.int(0, 5) : null,
      contributesToCompetitiveness: competitiveness,
      publishedAt,
      expiresAt: new Date(publishedAt.getTime() + 180 * DAY),
    });
  }
  return vacancies;
}

/** Generates and inserts a whole data set; the caller then builds the search indexes. */
export async function seedSyntheticData(
  dataSource: DataSource,
  options: { candidates: number; vacancies: number; employers?: number; seed: number; now?: Date },
): Promise<{
  candidates: SyntheticCandidate[];
  employers: SyntheticEmployer[];
  vacancies: SyntheticVacancy[];
}> {
  const catalogue = await loadCatalogue(dataSource);
  const candidates = generateCandidates(catalogue, {
    count: options.candidates,
    seed: options.seed,
    now: options.now,
  });
  const employers = generateEmployers(catalogue, {
    count: options.employers ?? Math.max(1, Math.ceil(options.vacancies / 20)),
    seed: options.seed,
  });
  const vacancies = generateVacancies(catalogue, employers, {
    count: options.vacancies,
    seed: options.seed,
    now: options.now,
  });
  await insertCandidates(dataSource, candidates);
  await insertEmployers(dataSource, employers);
  await insertVacancies(dataSource, vacancies);
  return { candidates, employers, vacancies };
}
